#!/usr/bin/env tsx
/**
 * npm run bench [-- --json] [-- --mb N] [-- --rounds N] [-- --warmup N]
 * Side by side in one process, on the real compiled pack and the same generated text:
 * the engine as the content script runs it over 2,000-character blocks — normalise + match
 * (matchEntries: every rule and cue occurrence with its original span), and the same plus
 * the context analysis that feeds the score (analyzeBlock: quotes, negation, contacts) —,
 * the bare matcher over the whole text, one regex alternation of the same literals, a
 * per-literal indexOf loop, and a bare charCodeAt pass (the practical limit). The contenders run round-robin, so a busy machine
 * slows them alike; the ratios are medians of per-round ratios. Warm-up rounds, the same round-robin
 * untimed, come first: the engine's rare paths (chains of pieces, a hundred or so calls a round) are
 * still run unoptimised, and re-optimised after V8 learns their types, for the first ten rounds or so.
 */
import { analyzeBlock, createMatcher, findLiterals, matchEntries } from '../engine';
import { buildPack } from './pack-files';
import { generateBenchText } from './bench-text';
import { arg, median } from './bench-args';

const BLOCK = 2000;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A flat copy: extraction builds each block as its own string, never a slice of a page-sized one. */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function main(): void {
  const json = process.argv.includes('--json');
  const targetMb = arg('--mb', 5);
  const rounds = arg('--rounds', 9);
  const warmup = arg('--warmup', 12);
  for (const [name, value, least] of [['--mb', targetMb, 0.01], ['--rounds', rounds, 1], ['--warmup', warmup, 1]] as const) {
    if (!Number.isFinite(value) || value < least || (name !== '--mb' && !Number.isInteger(value))) {
      process.stderr.write(`bench: ${name} must be ${name === '--mb' ? 'a number' : 'a whole number'} of at least ${least}\n`);
      process.exit(2);
    }
  }
  const pack = buildPack();
  if (pack.literals.length === 0) {
    process.stderr.write('bench: the rule pack has no patterns\n');
    process.exit(1);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const matcher = createMatcher(pack);
  const buildMs = performance.now() - t0;
  gc?.();
  const matcherHeap = process.memoryUsage().heapUsed - heapBefore;

  const phrases = pack.literals.filter((l) => l.length >= 3);
  const text = generateBenchText(Math.round((targetMb * 1e6) / 2), phrases);
  const blocks: string[] = [];
  for (let i = 0; i < text.length; i += BLOCK) blocks.push(flatCopy(text.slice(i, i + BLOCK)));
  // 2,500 indexOf passes over the whole text would take a minute a round: a tenth is measured
  const sample = flatCopy(text.slice(0, Math.ceil(text.length / 10)));
  const alternation = new RegExp(pack.literals.map(escapeRegex).join('|'), 'g');

  const contenders: Record<string, () => number> = {
    engine: () => {
      let n = 0;
      for (const block of blocks) n += matchEntries(matcher, block).length;
      return n;
    },
    analysis: () => {
      let n = 0;
      for (const block of blocks) n += analyzeBlock(matcher, block).lures.length;
      return n;
    },
    matcher: () => findLiterals(matcher.automaton, text).length,
    regex: () => {
      let n = 0;
      alternation.lastIndex = 0;
      while (alternation.exec(text) !== null) n++;
      return n;
    },
    indexof: () => {
      let n = 0;
      for (const literal of pack.literals) for (let i = sample.indexOf(literal); i !== -1; i = sample.indexOf(literal, i + 1)) n++;
      return n;
    },
    loop: () => {
      let n = 0;
      for (let i = 0; i < text.length; i++) n = (n + text.charCodeAt(i)) | 0;
      return n;
    },
  };
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  let sink = 0;
  for (let r = 0; r < warmup; r++) for (const name of names) sink += contenders[name]?.() ?? 0;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const start = performance.now();
      sink += contenders[name]?.() ?? 0;
      times[name]?.push(performance.now() - start);
    }
  }
  const mb = (text.length * 2) / 1e6;
  const sizeOf = (name: string) => (name === 'indexof' ? (sample.length * 2) / 1e6 : mb);
  const mbS = (name: string) => Math.round(sizeOf(name) / (median(times[name] ?? []) / 1000));
  /** median over rounds of (a's throughput / b's), each round timed back to back */
  const ratio = (a: string, b: string) =>
    Number(
      median((times[a] ?? []).map((t, r) => (sizeOf(a) / t) / (sizeOf(b) / ((times[b] ?? [])[r] as number)))).toFixed(2),
    );
  const spread = (name: string) => {
    const sorted = [...(times[name] ?? [])].sort((x, y) => x - y);
    return Number(((sorted[sorted.length - 1] as number) / (sorted[0] as number)).toFixed(2));
  };

  const result = {
    text_mb: Number(mb.toFixed(2)),
    text_chars: text.length,
    rules: pack.rules.length,
    literals: pack.literals.length,
    rounds,
    warmup_rounds: warmup,
    engine_mb_s: mbS('engine'),
    analysis_mb_s: mbS('analysis'),
    matcher_mb_s: mbS('matcher'),
    regex_mb_s: mbS('regex'),
    indexof_mb_s: mbS('indexof'),
    scan_loop_mb_s: mbS('loop'),
    engine_vs_regex: ratio('engine', 'regex'),
    engine_vs_indexof: ratio('engine', 'indexof'),
    engine_vs_scan_loop: ratio('engine', 'loop'),
    analysis_vs_scan_loop: ratio('analysis', 'loop'),
    matcher_vs_scan_loop: ratio('matcher', 'loop'),
    /** slowest round / fastest round of the bare loop: how noisy the machine was */
    noise_scan_loop: spread('loop'),
    noise_engine: spread('engine'),
    automaton_bytes: matcher.automaton.bytes,
    matcher_heap_bytes: gc ? matcherHeap : null,
    trie_nodes: matcher.automaton.childStart.length - 1,
    alphabet: matcher.automaton.width,
    pack_json_bytes: JSON.stringify(pack).length,
    matcher_build_ms: Number(buildMs.toFixed(1)),
    sink: sink % 2,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 1) + '\n');
    return;
  }
  process.stdout.write(
    [
      `text ${result.text_mb} MB (${result.text_chars} chars), ${result.rules} rules, ${result.literals} literals, ${rounds} rounds after ${warmup} untimed`,
      `engine     ${result.engine_mb_s} MB/s   (normalise + match, matchEntries per ${BLOCK}-char block)`,
      `analysis   ${result.analysis_mb_s} MB/s   (the same + quotes, negation, contacts: analyzeBlock) ${result.analysis_vs_scan_loop}x of the loop`,
      `matcher    ${result.matcher_mb_s} MB/s   (findLiterals over the whole text) ${result.matcher_vs_scan_loop}x of the loop`,
      `regex      ${result.regex_mb_s} MB/s   engine is ${result.engine_vs_regex}x`,
      `indexOf    ${result.indexof_mb_s} MB/s   engine is ${result.engine_vs_indexof}x`,
      `scan loop  ${result.scan_loop_mb_s} MB/s   engine is ${result.engine_vs_scan_loop}x of it`,
      `noise      slowest/fastest round: loop ${result.noise_scan_loop}x, engine ${result.noise_engine}x`,
      `memory     ${result.automaton_bytes} bytes of tables${result.matcher_heap_bytes === null ? '' : `, ${result.matcher_heap_bytes} bytes of heap`}; ${result.trie_nodes} trie nodes, ${result.alphabet} classes, built in ${result.matcher_build_ms} ms`,
    ].join('\n') + '\n',
  );
}

main();

#!/usr/bin/env tsx
/**
 * npm run bench [-- --json] [-- --mb N]
 * Side by side in one process, on the real compiled pack and the same generated text:
 * the engine as the content script runs it, one regex alternation of the same literals,
 * a per-literal indexOf loop, and a bare charCodeAt pass (the practical limit).
 */
import { analyzeBlock, createMatcher } from '../engine';
import { buildPack } from './pack-files';
import { generateBenchText } from './bench-text';

const BLOCK = 2000;
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function throughput(label: string, text: string, run: () => number): { mbS: number; sink: number } {
  let sink = run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    sink += run();
    times.push(performance.now() - t0);
  }
  const mb = (text.length * 2) / 1e6;
  void label;
  return { mbS: mb / (median(times) / 1000), sink };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function main(): void {
  const json = process.argv.includes('--json');
  const mbArg = process.argv.indexOf('--mb');
  const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 5;
  const pack = buildPack();
  if (pack.literals.length === 0) {
    process.stderr.write('bench: the rule pack has no patterns\n');
    process.exit(1);
  }
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const matcher = createMatcher(pack);
  const buildMs = performance.now() - t0;
  const phrases = pack.literals.filter((l) => l.length >= 3);
  const text = generateBenchText(Math.round((targetMb * 1e6) / 2), phrases);
  const heapAfter = process.memoryUsage().heapUsed;

  const engine = throughput('engine', text, () => {
    let n = 0;
    for (let i = 0; i < text.length; i += BLOCK) n += analyzeBlock(matcher, text.slice(i, i + BLOCK)).lures.length;
    return n;
  });
  const alternation = new RegExp(pack.literals.map(escapeRegex).join('|'), 'g');
  const regex = throughput('regex', text, () => {
    let n = 0;
    alternation.lastIndex = 0;
    while (alternation.exec(text) !== null) n++;
    return n;
  });
  const indexOf = throughput('indexof', text, () => {
    let n = 0;
    for (const literal of pack.literals) for (let i = text.indexOf(literal); i !== -1; i = text.indexOf(literal, i + 1)) n++;
    return n;
  });
  const loop = throughput('loop', text, () => {
    let n = 0;
    for (let i = 0; i < text.length; i++) n = (n + text.charCodeAt(i)) | 0;
    return n;
  });

  const result = {
    text_mb: Number(((text.length * 2) / 1e6).toFixed(2)),
    text_chars: text.length,
    rules: pack.rules.length,
    literals: pack.literals.length,
    engine_mb_s: Math.round(engine.mbS),
    regex_mb_s: Math.round(regex.mbS),
    indexof_mb_s: Math.round(indexOf.mbS),
    scan_loop_mb_s: Math.round(loop.mbS),
    engine_vs_regex: Number((engine.mbS / regex.mbS).toFixed(2)),
    engine_vs_indexof: Number((engine.mbS / indexOf.mbS).toFixed(2)),
    engine_vs_scan_loop: Number((engine.mbS / loop.mbS).toFixed(2)),
    automaton_bytes: matcher.automaton.bytes,
    trie_nodes: matcher.automaton.childStart.length - 1,
    alphabet: matcher.automaton.width,
    pack_json_bytes: JSON.stringify(pack).length,
    matcher_build_ms: Number(buildMs.toFixed(1)),
    heap_delta_bytes: heapAfter - heapBefore,
    sink: (engine.sink + regex.sink + indexOf.sink + loop.sink) % 2,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 1) + '\n');
    return;
  }
  process.stdout.write(
    [
      `text ${result.text_mb} MB (${result.text_chars} chars), ${result.rules} rules, ${result.literals} literals`,
      `engine     ${result.engine_mb_s} MB/s`,
      `regex      ${result.regex_mb_s} MB/s   engine is ${result.engine_vs_regex}x`,
      `indexOf    ${result.indexof_mb_s} MB/s   engine is ${result.engine_vs_indexof}x`,
      `scan loop  ${result.scan_loop_mb_s} MB/s   engine is ${result.engine_vs_scan_loop}x of it`,
      `matcher    ${result.trie_nodes} trie nodes, ${result.alphabet} classes, ${result.automaton_bytes} bytes, built in ${result.matcher_build_ms} ms`,
    ].join('\n') + '\n',
  );
}

main();

/**
 * The engine benchmark itself, free of Node: `npm run bench` runs it in Node, and with
 * `--browser chromium|firefox` in a page of that browser, where the content script runs.
 * Every contender gets the same text; they run round-robin, warm-up rounds untimed.
 */
import { analyzeBlock, createMatcher, findLiterals, matchEntries, type Matcher } from '../../src/engine';
import type { CompiledPack } from '../../src/engine/types';
import { generateBenchText } from './bench-text';
import { median } from './bench-args';
import { escapeRegex } from '../build/escape-regex';

export const BENCH_BLOCK = 2000;

export interface BenchOptions {
  mb: number;
  rounds: number;
  warmup: number;
  /** how many times a contender runs inside one timed sample (for coarse browser clocks) */
  repeat: number;
}

export interface BenchRun {
  /** ms per contender per timed round, for one run of it (a sample divided by `repeat`) */
  times: Record<string, number[]>;
  textChars: number;
  sampleChars: number;
  buildMs: number;
  automatonBytes: number;
  trieNodes: number;
  alphabet: number;
  /** what the engine and the matcher found in the whole text (the same wherever they run) */
  engineHits: number;
  matcherHits: number;
  sink: number;
}

/**
 * Runs every contender. `flatCopy` makes a string of its own out of a slice (extraction builds
 * each block as its own string, never a slice of a page-sized one). `build` makes the one matcher
 * (a second one would cost the first its speed: V8 folds the tables of a closure into its code
 * only while the closure is the only one made from its function).
 */
export function runEngineBench(
  pack: CompiledPack,
  options: BenchOptions,
  flatCopy: (s: string) => string,
  build: (pack: CompiledPack) => Matcher = createMatcher,
): BenchRun {
  const t0 = performance.now();
  const matcher = build(pack);
  const buildMs = performance.now() - t0;
  const phrases = pack.literals.filter((l) => l.length >= 3);
  const text = generateBenchText(Math.round((options.mb * 1e6) / 2), phrases);
  const blocks: string[] = [];
  for (let i = 0; i < text.length; i += BENCH_BLOCK) blocks.push(flatCopy(text.slice(i, i + BENCH_BLOCK)));
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
    // XOR keeps the result a small integer: a sum wrapped with `| 0` leaves the 31-bit integers
    // Chromium's V8 keeps unboxed, which deoptimised this loop there round after round
    loop: () => {
      let n = 0;
      for (let i = 0; i < text.length; i++) n ^= text.charCodeAt(i);
      return n;
    },
  };
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  let sink = 0;
  for (let r = 0; r < options.warmup; r++) for (const name of names) sink += contenders[name]?.() ?? 0;
  for (let r = 0; r < options.rounds; r++) {
    for (const name of names) {
      const run = contenders[name] as () => number;
      const start = performance.now();
      for (let k = 0; k < options.repeat; k++) sink += run();
      times[name]?.push((performance.now() - start) / options.repeat);
    }
  }
  return {
    times,
    engineHits: contenders.engine?.() ?? 0,
    matcherHits: contenders.matcher?.() ?? 0,
    textChars: text.length,
    sampleChars: sample.length,
    buildMs,
    automatonBytes: matcher.automaton.bytes,
    trieNodes: matcher.automaton.childStart.length - 1,
    alphabet: matcher.automaton.width,
    sink: sink % 2,
  };
}

/** Throughputs and ratios from a run, as `npm run bench -- --json` reports them. */
export function summarize(run: BenchRun) {
  const { times } = run;
  const mb = (run.textChars * 2) / 1e6;
  const sizeOf = (name: string) => (name === 'indexof' ? (run.sampleChars * 2) / 1e6 : mb);
  const mbS = (name: string) => Math.round(sizeOf(name) / (median(times[name] ?? []) / 1000));
  /** median over rounds of (a's throughput / b's), each round timed back to back */
  const ratio = (a: string, b: string) =>
    Number(median((times[a] ?? []).map((t, r) => sizeOf(a) / t / (sizeOf(b) / ((times[b] ?? [])[r] as number)))).toFixed(2));
  const spread = (name: string) => {
    const sorted = [...(times[name] ?? [])].sort((x, y) => x - y);
    return Number(((sorted[sorted.length - 1] as number) / (sorted[0] as number)).toFixed(2));
  };
  return {
    text_mb: Number(mb.toFixed(2)),
    text_chars: run.textChars,
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
    engine_hits: run.engineHits,
    matcher_hits: run.matcherHits,
    automaton_bytes: run.automatonBytes,
    trie_nodes: run.trieNodes,
    alphabet: run.alphabet,
    matcher_build_ms: Number(run.buildMs.toFixed(1)),
    sink: run.sink,
  };
}

type Summary = ReturnType<typeof summarize>;

/** The ratios whose value in each fork the combined report lists. */
const LISTED_RATIOS = ['engine_vs_regex', 'engine_vs_scan_loop'] as const;

/**
 * One report from several forks (each a fresh JavaScript engine that compiled every contender
 * anew): each figure is the median of the forks' figures, and the two ratios the targets name
 * are listed fork by fork as well. One V8 compilation of a hot loop can run a few per cent
 * faster or slower than the next; within one process the rounds cannot see that, forks do.
 */
export function combineForks<T extends Summary>(forks: readonly T[]) {
  const first = forks[0];
  if (first === undefined) throw new Error('no forks to combine');
  const combined: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number') combined[key] = Number(median(forks.map((f) => (f as Record<string, unknown>)[key] as number)).toFixed(2));
  }
  const each = Object.fromEntries(LISTED_RATIOS.map((key) => [`${key}_each_fork`, forks.map((f) => f[key])]));
  return { ...(combined as T), forks: forks.length, ...each } as T & { forks: number } & Record<`${(typeof LISTED_RATIOS)[number]}_each_fork`, number[]>;
}

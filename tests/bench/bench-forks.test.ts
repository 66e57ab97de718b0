import { describe, expect, it } from 'vitest';
import { combineForks, summarize, type BenchRun } from '../../tools/bench/bench-core';

/** A run whose every contender took `ms` per round except the engine, which took `engineMs`. */
function run(engineMs: number, ms = 10): BenchRun {
  const names = ['engine', 'analysis', 'matcher', 'regex', 'indexof', 'loop'];
  return {
    times: Object.fromEntries(names.map((n) => [n, [n === 'engine' ? engineMs : ms, n === 'engine' ? engineMs : ms]])),
    textChars: 500_000,
    sampleChars: 50_000,
    buildMs: engineMs,
    automatonBytes: 1000,
    trieNodes: 10,
    alphabet: 5,
    engineHits: 3,
    matcherHits: 4,
    sink: 0,
  };
}

describe('combineForks', () => {
  it('reports the median of each figure over the forks and lists the target ratios fork by fork', () => {
    const forks = [run(20), run(25), run(16)].map((r) => ({ ...summarize(r), runtime: 'node test' }));
    const combined = combineForks(forks);
    expect(forks.map((f) => f.engine_vs_scan_loop)).toEqual([0.5, 0.4, 0.63]);
    expect(combined.engine_vs_scan_loop).toBe(0.5);
    expect(combined.engine_vs_scan_loop_each_fork).toEqual([0.5, 0.4, 0.63]);
    expect(combined.engine_vs_regex_each_fork).toEqual([0.5, 0.4, 0.63]);
    expect(combined.engine_mb_s).toBe(50);
    expect(combined.matcher_build_ms).toBe(20);
    expect(combined).toMatchObject({ forks: 3, runtime: 'node test', automaton_bytes: 1000 });
  });

  it('averages the middle two of an even number of forks, and refuses none', () => {
    const combined = combineForks([run(20), run(25)].map(summarize));
    expect(combined.engine_vs_scan_loop).toBe(0.45);
    expect(() => combineForks([])).toThrow('no forks');
  });
});

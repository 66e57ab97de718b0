import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

/** The bench's output format (BENCHMARKS.md names its fields); its figures are not checked here, only that they are there. */
describe('npm run bench -- --json', { timeout: 120_000 }, () => {
  it('reports every contender, the ratios, the rounds and the matcher memory, on a small text', () => {
    const out = execFileSync(tsx, ['--expose-gc', 'tools/bench/bench.ts', '--json', '--mb', '0.2', '--rounds', '2', '--warmup', '2', '--forks', '2'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const result = JSON.parse(out) as Record<string, unknown>;
    for (const field of ['engine_mb_s', 'analysis_mb_s', 'matcher_mb_s', 'regex_mb_s', 'indexof_mb_s', 'scan_loop_mb_s']) {
      expect(result[field], field).toEqual(expect.any(Number));
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    for (const field of ['engine_vs_regex', 'engine_vs_indexof', 'engine_vs_scan_loop', 'matcher_vs_scan_loop']) {
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    expect(result).toMatchObject({ text_mb: 0.2, rounds: 2, warmup_rounds: 2, repeat: 1, runtime: expect.stringMatching(/^node v\d+/) });
    expect(result.engine_hits as number).toBeGreaterThan(10);
    expect(result.matcher_hits as number).toBeGreaterThan(result.engine_hits as number);
    expect(result.rules as number).toBeGreaterThan(10);
    expect(result.automaton_bytes as number).toBeGreaterThan(10_000);
    expect(result.matcher_heap_bytes).toEqual(expect.any(Number));
    // two fresh processes, each ratio their median
    expect(result.forks).toBe(2);
    const each = result.engine_vs_scan_loop_each_fork as number[];
    expect(each).toHaveLength(2);
    expect(result.engine_vs_scan_loop).toBe(Number((((each[0] as number) + (each[1] as number)) / 2).toFixed(2)));
    expect(result.engine_vs_regex_each_fork).toHaveLength(2);
  });

  it.each([['--forks', '0'], ['--forks', '1.5'], ['--rounds', '0'], ['--warmup', 'many'], ['--mb', '-1'], ['--browser', 'safari'], ['--browser', '']])('refuses %s %s with a reason', (flag, value) => {
    let failure: { status?: number; stderr?: string } | undefined;
    try {
      const args = value === '' ? [flag] : [flag, value];
      execFileSync(tsx, ['tools/bench/bench.ts', '--json', ...args], { encoding: 'utf8', timeout: 60_000, stdio: 'pipe' });
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain(`bench: ${flag} must be`);
  });
});

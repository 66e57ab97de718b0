import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

/**
 * `npm run bench -- --browser …` runs the engine benchmark in a blank page of the real browser.
 * Its figures are not checked here (they are measured, see BENCHMARKS.md), only that the page
 * ran every contender in that browser and found what Node finds in the same text.
 */
describe('the engine benchmark in a browser page', () => {
  const run = (args: string[]) =>
    JSON.parse(execFileSync(tsx, ['tools/bench/bench.ts', '--json', '--mb', '0.2', '--rounds', '2', '--warmup', '1', '--forks', '1', ...args], { encoding: 'utf8', timeout: 120_000 })) as Record<string, unknown>;
  const node = run([]);

  it.each([
    ['chromium', /^chromium \d+\./],
    ['firefox', /^firefox /i],
  ])('runs in %s', (browser, runtime) => {
    const result = run(['--browser', browser]);
    expect(result.runtime).toMatch(runtime);
    for (const field of ['engine_mb_s', 'analysis_mb_s', 'matcher_mb_s', 'regex_mb_s', 'indexof_mb_s', 'scan_loop_mb_s', 'engine_vs_scan_loop']) {
      expect(result[field] as number, field).toBeGreaterThan(0);
    }
    expect(node.engine_hits as number).toBeGreaterThan(10);
    expect(result).toMatchObject({
      text_chars: node.text_chars,
      engine_hits: node.engine_hits,
      matcher_hits: node.matcher_hits,
      automaton_bytes: node.automaton_bytes,
      trie_nodes: node.trie_nodes,
      repeat: 3,
    });
    expect(result.matcher_heap_bytes).toBeNull();
  }, 180_000);
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

/** `npm run build` on a copy of rules/ with one change made to it. */
function buildWithRules(change: (dir: string) => void): { status: number | null; output: string } {
  const rules = mkdtempSync(join(tmpdir(), 'fcs-rules-'));
  cpSync(join(process.cwd(), 'rules'), rules, { recursive: true });
  change(rules);
  const out = mkdtempSync(join(tmpdir(), 'fcs-dist-'));
  const result = spawnSync(tsx, ['tools/build/build.ts', '--out', out], {
    env: { ...process.env, FCS_RULES_DIR: rules },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the build refuses a broken rule pack', { timeout: 150_000 }, () => {
  it('a rule with a field of the wrong type: names file, line, rule and field', () => {
    const { status, output } = buildWithRules((dir) => {
      const file = join(dir, 'upfront-fee.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/weight: 45/, 'weight: heavy'));
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/upfront-fee\.yaml:\d+/);
    expect(output).toContain('prepay-service-fee');
    expect(output).toContain('"weight"');
  });

  it('a truncated file: names the file and the line', () => {
    const { status, output } = buildWithRules((dir) => {
      const file = join(dir, 'off-platform.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.indexOf('patterns: [') + 14));
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/off-platform\.yaml:\d+/);
  });

  it('a duplicated rule id: names the id and both files', () => {
    const { status, output } = buildWithRules((dir) => {
      const source = readFileSync(join(dir, 'upfront-fee.yaml'), 'utf8');
      const first = source.slice(source.indexOf('  - id: prepay-service-fee'));
      const rule = first.slice(0, first.indexOf('\n  - id:', 10));
      writeFileSync(join(dir, 'zz-copy.yaml'), `rules:\n${rule}\n`);
    });
    expect(status).not.toBe(0);
    expect(output).toContain('prepay-service-fee');
    expect(output).toMatch(/zz-copy\.yaml.*duplicate.*upfront-fee\.yaml/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner, verdictForJsonLine } from '../../src/cli/text-verdict';

// The project's own labelled texts (written for fcs-guard, not taken from the evaluation
// corpus): the same targets as the corpus evaluation, so a rule change that breaks
// recall or starts crying wolf fails here too.
const dir = join(process.cwd(), 'tests/fixtures/eval');
const scanner = createScanner();
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .trim()
      .split('\n')
      .map((line) => ({ file: f, line, label: (JSON.parse(line) as { label: string }).label })),
  );

function flagRate(label: string): { rate: number; failures: string[] } {
  const subset = rows.filter((r) => r.label === label);
  const flagged = subset.filter((r) => {
    const v = verdictForJsonLine(scanner, r.line);
    return 'flag' in v && v.flag;
  });
  const wrong = label === 'scam-ad' ? subset.filter((r) => !flagged.includes(r)) : flagged;
  return { rate: flagged.length / subset.length, failures: wrong.map((r) => r.line) };
}

describe('own labelled fixtures', () => {
  it('has both kinds of text', () => {
    expect(rows.filter((r) => r.label === 'scam-ad').length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.label === 'not-scam').length).toBeGreaterThanOrEqual(40);
  });

  it('catches at least 90% of the ads', () => {
    const { rate, failures } = flagRate('scam-ad');
    expect(rate, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('flags at most 5% of warnings, bank notices and everyday text', () => {
    const { rate, failures } = flagRate('not-scam');
    expect(rate, failures.join('\n')).toBeLessThanOrEqual(0.05);
  });
});

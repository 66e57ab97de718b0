import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlToBlocks } from '../../src/cli/html-blocks';
import { createScanner, scoreTexts, verdictForJsonLine } from '../../src/cli/text-verdict';

const scanner = createScanner();
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

function runScan(args: string[], input?: Buffer | string): string {
  return execFileSync(tsx, ['src/cli/scan.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('scan --jsonl', { timeout: 60_000 }, () => {
  it('writes one line per input line, in order, with an error line for each bad line', () => {
    const input = [
      JSON.stringify({ text: '专业团队帮你债务优化，全额平债，不成功100%退费，加微信 abc_12345' }),
      '{"text": broken',
      JSON.stringify({ url: 'https://example.test', note: 'no text' }),
      JSON.stringify({ text: '今天天气不错，我们去公园散步吧。' }),
    ].join('\n');
    const lines = runScan(['--jsonl', '-'], input).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ flag: true, level: expect.stringMatching(/medium|high/) });
    expect(lines[0]?.rules).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toHaveProperty('error');
    expect(lines[3]).toMatchObject({ flag: false, score: 0, level: 'none', rules: [] });
  });

  it('survives arbitrary bytes on standard input', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x0a, 0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x31, 0x7d, 0x0a, 0x00, 0xc3]);
    const lines = runScan(['--jsonl', '-'], bytes).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('error');
  });

  it('gives a readable verdict for a text file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcs-scan-'));
    writeFileSync(join(dir, 'ad.txt'), '停息挂账找我们，专业团队，只需预缴服务费，加微信咨询');
    const out = runScan([join(dir, 'ad.txt')]);
    expect(out).toMatch(/WARN/);
    expect(out).toMatch(/upfront-fee|预缴/);
  });

  it('never throws on arbitrary lines', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.record({ text: fc.string({ unit: 'binary', maxLength: 300 }) }).map((v) => JSON.stringify(v)),
        ),
        (line) => {
          const result = verdictForJsonLine(scanner, line);
          expect('error' in result || typeof result.flag === 'boolean').toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('an ad that no rule describes', () => {
  it('matches no rule of the pack, yet the model flags it (the fixture of the model-only e2e test)', () => {
    const html = readFileSync(join(process.cwd(), 'tests/e2e/fixtures/model-only-ad.html'), 'utf8');
    const verdict = scoreTexts(scanner, htmlToBlocks(html));
    const flagged = verdict.flagged.map((i) => verdict.blocks[i]);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.rules.filter((r) => r.points > 0)).toEqual([]);
    expect(flagged[0]?.model?.families.length).toBeGreaterThan(0);
  });
});

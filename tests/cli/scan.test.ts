import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WARN_THRESHOLD } from '../../src/engine';
import { htmlToBlocks } from '../../src/cli/html-blocks';
import { createScanner, scoreTexts, summarize, verdictForJsonLine } from '../../src/cli/text-verdict';
import { VERDICT_FIELDS } from '../../src/cli/verdict-fields';
import { AD, answers, jsonl, ORDINARY, runScan, tempFile } from './support/run-scan';

const scanner = createScanner();
const dir = mkdtempSync(join(tmpdir(), 'fcs-scan-'));
const file = (name: string, content: string | Buffer): string => tempFile(dir, name, content);

describe('scan: usage', { timeout: 120_000 }, () => {
  it.each([['--help'], ['-h']])('%s prints the usage on stdout and exits 0', (flag) => {
    const run = runScan([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run scan/);
    for (const word of ['--jsonl', '--threshold', '--fields', '--version', '--help', 'exit status', ...VERDICT_FIELDS]) expect(run.stdout).toContain(word);
    expect(run.stderr).toBe('');
  });

  it('--version prints the version of the package and of the rule pack', () => {
    const run = runScan(['--version']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`fcs-guard ${pkg.version}\nrule pack ${scanner.pack.version}\n`);
  });

  it.each([
    [['--frobnicate', '--jsonl', '-'], 'unknown option --frobnicate'],
    [['--jsonl', '--fields', 'flag,colour', '-'], 'unknown field colour in --fields'],
  ])('%j is refused with exit 2 and the usage on stderr, before reading any input', (args, message) => {
    const run = runScan(args, jsonl([{ text: AD }]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`scan: ${message}`);
    expect(run.stderr).toContain('usage: npm run scan');
  });
});

describe('scan --jsonl', { timeout: 120_000 }, () => {
  it('answers one line per input line, in order, echoing each id; exit 1 when something is flagged', () => {
    const run = runScan(['--jsonl', '-'], jsonl([{ id: 'ad-1', text: AD }, { text: ORDINARY }, { id: 42, text: ORDINARY }, { id: null, text: AD }]));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const out = answers(run);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'ad-1', flag: true, level: expect.stringMatching(/medium|high/) });
    expect(out[0]?.rules).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(out[1]).toEqual({ flag: false, score: 0, level: 'none', rules: [], categories: [], antiFraudPage: false, reasons: [] });
    expect(out[2]).toMatchObject({ id: 42, flag: false });
    expect(out[3]).toMatchObject({ id: null, flag: true });
  });

  it('exits 0 when nothing is flagged', () => {
    const run = runScan(['--jsonl', '-'], jsonl([{ id: 'a', text: ORDINARY }, { id: 'b', text: '周末去图书馆借了两本书' }]));
    expect(run.status).toBe(0);
    expect(answers(run).map((a) => [a.id, a.flag])).toEqual([['a', false], ['b', false]]);
  });

  it('answers a malformed line with its line number and id, names it on stderr, goes on, and exits 2', () => {
    const input = [JSON.stringify({ id: 'first', text: AD }), '{"id": "broken", "text": ', JSON.stringify({ id: 'no-text', url: 'https://example.test' }), '', '[1,2]', JSON.stringify({ id: 'last', text: ORDINARY })].join('\n');
    const run = runScan(['--jsonl', '-'], input);
    expect(run.status).toBe(2);
    const out = answers(run);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ id: 'first', flag: true });
    expect(out[1]).toEqual({ line: 2, error: expect.stringMatching(/^not JSON/) });
    expect(out[2]).toEqual({ line: 3, id: 'no-text', error: 'no "text" string field' });
    expect(out[3]).toEqual({ line: 4, error: 'empty line' });
    expect(out[4]).toEqual({ line: 5, error: 'no "text" string field' });
    expect(out[5]).toMatchObject({ id: 'last', flag: false });
    const errors = run.stderr.trim().split('\n');
    expect(errors).toEqual([
      expect.stringMatching(/^scan: \(standard input\):2: not JSON/),
      'scan: (standard input):3 (id "no-text"): no "text" string field',
      'scan: (standard input):4: empty line',
      'scan: (standard input):5: no "text" string field',
    ]);
  });

  it('names the file and line of a bad line in a file', () => {
    const path = file('bad.jsonl', `${JSON.stringify({ text: ORDINARY })}\r\n{oops}\r\n`);
    const run = runScan(['--jsonl', path]);
    expect(run.status).toBe(2);
    expect(answers(run)).toEqual([expect.objectContaining({ flag: false }), { line: 2, error: expect.stringMatching(/^not JSON/) }]);
    expect(run.stderr).toMatch(new RegExp(`^scan: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not JSON`));
  });

  it('--fields prints only the fields asked for, in that order, with the id', () => {
    const run = runScan(['--jsonl', '--fields', 'score,flag', '-'], jsonl([{ id: 7, text: AD }, { text: ORDINARY }, { id: 8 }]));
    expect(run.status).toBe(2);
    const out = answers(run);
    expect(Object.keys(out[0] ?? {})).toEqual(['id', 'score', 'flag']);
    expect(out[0]).toMatchObject({ id: 7, flag: true });
    expect(out[1]).toEqual({ score: 0, flag: false });
    expect(out[2]).toEqual({ line: 3, id: 8, error: 'no "text" string field' });
  });

  it('--threshold moves the banner threshold, and with it flag and the exit status', () => {
    const text = '协商还款可以找银行';
    const { score } = summarize(scoreTexts(scanner, [text]), DEFAULT_WARN_THRESHOLD);
    expect(score).toBeGreaterThan(1);
    expect(score).toBeLessThan(100);
    const at = runScan(['--jsonl', '--threshold', String(score), '-'], jsonl([{ text }]));
    const above = runScan(['--jsonl', `--threshold=${score + 1}`, '-'], jsonl([{ text }]));
    expect([at.status, answers(at)[0]?.flag]).toEqual([1, true]);
    expect([above.status, answers(above)[0]?.flag]).toEqual([0, false]);
  });

  it('answers a line that is not UTF-8 text past the opening of the input with an error, unscored', () => {
    const opening = jsonl(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: `ok ${i}` })));
    expect(opening.length).toBeGreaterThan(64 * 1024);
    const input = Buffer.concat([Buffer.from(opening), Buffer.from('{"id":"bad","text":"caf\xe9"}\n', 'latin1'), Buffer.from(jsonl([{ id: 'after', text: ORDINARY }]))]);
    const run = runScan(['--jsonl', '-'], input);
    expect(run.status).toBe(2);
    const out = answers(run);
    expect(out).toHaveLength(3002);
    expect(out[3000]).toEqual({ line: 3001, error: 'not UTF-8 text: bytes that are not UTF-8' });
    expect(out[3001]).toMatchObject({ id: 'after', flag: false });
    expect(run.stderr.trim()).toBe('scan: (standard input):3001: not UTF-8 text: bytes that are not UTF-8');
  });
});

describe('scan: binary input is refused, never scored', { timeout: 120_000 }, () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const nulOnLine2 = Buffer.concat([Buffer.from(jsonl([{ text: AD }])), Buffer.from('{"text":"a\0b"}\n')]);

  it('the CLI refuses a binary file with exit 2, naming it and the line', () => {
    const path = file('image.png', png);
    for (const args of [[path], ['--jsonl', path]]) {
      const run = runScan(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`scan: ${path}:1: binary input refused: bytes that are not UTF-8; scan reads UTF-8 text\n`);
    }
  });

  it('the CLI refuses binary standard input with exit 2', () => {
    const run = runScan(['--jsonl', '-'], nulOnLine2);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('scan: (standard input):2: binary input refused: a NUL byte; scan reads UTF-8 text\n');
  });
});

describe('scan of pages and texts', { timeout: 120_000 }, () => {
  it('gives a readable verdict for each file; exit 1 when one is flagged, 0 when none is', () => {
    const ad = file('ad.txt', '停息挂账找我们，专业团队，只需预缴服务费，加微信咨询');
    const page = file('page.html', `<!doctype html><html><body><p>${ORDINARY}</p></body></html>`);
    const both = runScan([page, ad]);
    expect(both.status).toBe(1);
    expect(both.stdout).toMatch(/page\.html: ok {2}score 0/);
    expect(both.stdout).toMatch(/ad\.txt: WARN/);
    expect(both.stdout).toMatch(/upfront-fee|预缴/);
    expect(runScan([page]).status).toBe(0);
  });

  it('names a file it cannot read, scans the others, and exits 2', () => {
    const run = runScan([join(dir, 'missing.txt'), file('fine.txt', ORDINARY)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing\.txt: cannot read it \(ENOENT/);
    expect(run.stdout).toMatch(/fine\.txt: ok/);
  });
});

describe('verdictForJsonLine', { timeout: 120_000 }, () => {
  it('gives every verdict field that --fields knows, and no other', () => {
    const answer = verdictForJsonLine(scanner, JSON.stringify({ text: AD }));
    expect(Object.keys(answer).sort()).toEqual([...VERDICT_FIELDS].sort());
  });

  it('never throws on arbitrary lines', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.record({ id: fc.jsonValue(), text: fc.string({ unit: 'binary', maxLength: 300 }) }).map((v) => JSON.stringify(v)),
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


import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputLines, MAX_LINE_BYTES, type InputLine } from '../../src/cli/input-lines';
import { readTextInput } from '../../src/cli/read-input';
import { AD, jsonl, tempFile } from './support/run-scan';

const dir = mkdtempSync(join(tmpdir(), 'fcs-input-'));
const file = (name: string, content: string | Buffer): string => tempFile(dir, name, content);

async function readAll(path: string): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  for await (const line of inputLines(path)) lines.push(line);
  return lines;
}

describe('reading input as text: binary input is refused, never decoded', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const nulOnLine2 = Buffer.concat([Buffer.from(jsonl([{ text: AD }])), Buffer.from('{"text":"a\0b"}\n')]);
  const latin1 = Buffer.from('停息挂账 caf\xe9\n', 'latin1');
  const truncated = Buffer.from('{"text":"停息挂账"}\n{"text":"停').subarray(0, -1);
  const cases: [string, Buffer, RegExp][] = [
    ['a PNG file', png, /:1: binary input refused: bytes that are not UTF-8; scan reads UTF-8 text$/],
    ['a NUL byte on line 2', nulOnLine2, /:2: binary input refused: a NUL byte; scan reads UTF-8 text$/],
    ['a text in Latin-1', latin1, /:1: binary input refused: bytes that are not UTF-8/],
    ['a character cut at the end', truncated, /:2: binary input refused: bytes that are not UTF-8/],
  ];

  it.each(cases)('%s, as a document', (_, bytes, message) => {
    expect(() => readTextInput(file('input.bin', bytes))).toThrow(message);
  });

  it.each(cases)('%s, as JSONL: refused before any line is answered', async (_, bytes, message) => {
    const answered: InputLine[] = [];
    await expect(
      (async () => {
        for await (const line of inputLines(file('input.bin', bytes))) answered.push(line);
      })(),
    ).rejects.toThrow(message);
    expect(answered).toEqual([]);
  });

  it('reads UTF-8 text (a byte-order mark, CRLF, a last line without a newline) line by line', async () => {
    expect(await readAll(file('crlf.jsonl', Buffer.from('\ufeff{"text":"甲"}\r\n\r\n{"text":"乙"}')))).toEqual([
      { line: 1, text: '{"text":"甲"}' },
      { line: 2, text: '' },
      { line: 3, text: '{"text":"乙"}' },
    ]);
    expect(readTextInput(file('bom.txt', Buffer.from('\ufeff停息挂账\r\n')))).toBe('停息挂账\r\n');
  });

  it('answers a line that is not text past the opening of the input with its problem, and goes on', async () => {
    const opening = jsonl(Array.from({ length: 5000 }, (_, i) => ({ text: `ok ${i}` })));
    expect(opening.length).toBeGreaterThan(64 * 1024);
    const path = file('late.jsonl', Buffer.concat([Buffer.from(opening), Buffer.from('caf\xe9\n{"text":"a\0"}\nlast\n', 'latin1')]));
    const lines = await readAll(path);
    expect(lines).toHaveLength(5003);
    expect(lines.slice(5000)).toEqual([
      { line: 5001, problem: 'not UTF-8 text: bytes that are not UTF-8' },
      { line: 5002, problem: 'not UTF-8 text: a NUL byte' },
      { line: 5003, text: 'last' },
    ]);
  });

  it('answers a line too long to hold with its problem, and goes on', async () => {
    const path = file('long.jsonl', `first\n${'x'.repeat(MAX_LINE_BYTES + 1)}\nlast`);
    expect(await readAll(path)).toEqual([
      { line: 1, text: 'first' },
      { line: 2, problem: `line longer than ${MAX_LINE_BYTES} bytes` },
      { line: 3, text: 'last' },
    ]);
  });

  it('names a file it cannot read', async () => {
    await expect(readAll(join(dir, 'missing.jsonl'))).rejects.toThrow(/missing\.jsonl: cannot read it \(ENOENT/);
    expect(() => readTextInput(join(dir, 'missing.txt'))).toThrow(/missing\.txt: cannot read it \(ENOENT/);
  });
});

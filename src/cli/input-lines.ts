/**
 * The lines of a file or of standard input, read as they arrive: memory holds one chunk and one
 * line, whatever the length of the input. Lines are split as bytes rather than with readline,
 * because readline decodes leniently and a byte that is not UTF-8 would reach the engine as U+FFFD.
 */
import { createReadStream } from 'node:fs';
import { binaryProblem, InputError, notTextReason, readProblem } from './read-input';

/** A line (numbered from 1) as text, or the reason it cannot be read as text. */
export type InputLine = { line: number; text: string } | { line: number; problem: string };

/** How far into an input a line that is not text means the whole input is binary. */
const SNIFF_BYTES = 64 * 1024;
/** A longer line is answered with an error, so one endless line cannot exhaust memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const TOO_LONG = Symbol('line too long');
type RawLine = Buffer | typeof TOO_LONG;

async function* rawLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let pending = 0;
  let tooLong = false;
  const line = (): RawLine => {
    if (tooLong) return TOO_LONG;
    const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, pending);
    return bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
  };
  for await (const chunk of chunks) {
    for (let start = 0; ; ) {
      const newline = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      if (!tooLong && pending + piece.length > MAX_LINE_BYTES) {
        tooLong = true;
        parts = [];
      } else if (!tooLong && piece.length > 0) {
        parts.push(piece);
        pending += piece.length;
      }
      if (newline < 0) break;
      yield line();
      parts = [];
      pending = 0;
      tooLong = false;
      start = newline + 1;
    }
  }
  if (tooLong || pending > 0) yield line();
}

const utf8 = new TextDecoder('utf-8');

function toInputLine(raw: RawLine, line: number): InputLine {
  if (raw === TOO_LONG) return { line, problem: `line longer than ${MAX_LINE_BYTES} bytes` };
  const reason = notTextReason(raw);
  return reason ? { line, problem: `not UTF-8 text: ${reason}` } : { line, text: utf8.decode(raw) };
}

/**
 * The lines of `path` ("-" for standard input). An input whose opening lines are not text is
 * binary: it is refused as a whole (an InputError before any line) instead of being answered
 * line by line in mojibake; a line that is not text further on is answered with its problem.
 */
export async function* inputLines(path: string): AsyncGenerator<InputLine> {
  const stream = path === '-' ? process.stdin : createReadStream(path);
  const lines = rawLines(stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const next = async (): Promise<IteratorResult<RawLine>> => {
    try {
      return await lines.next();
    } catch (e) {
      throw new InputError(path, undefined, readProblem(e));
    }
  };
  const opening: RawLine[] = [];
  let sniffed = 0;
  let result = await next();
  for (; !result.done && sniffed < SNIFF_BYTES; result = await next()) {
    const raw = result.value;
    const reason = raw === TOO_LONG ? undefined : notTextReason(raw);
    if (reason) throw new InputError(path, opening.length + 1, binaryProblem(reason));
    opening.push(raw);
    sniffed += raw === TOO_LONG ? SNIFF_BYTES : raw.length + 1;
  }
  let line = 0;
  for (const raw of opening) yield toInputLine(raw, ++line);
  opening.length = 0;
  for (; !result.done; result = await next()) yield toInputLine(result.value, ++line);
}

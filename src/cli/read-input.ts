import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

/** How messages name an input: "-" is standard input. */
export function inputName(path: string): string {
  return path === '-' ? '(standard input)' : path;
}

/** An input that cannot be scanned, or a line of it, named by file and line. */
export class InputError extends Error {
  constructor(path: string, line: number | undefined, problem: string) {
    super(`${inputName(path)}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}

/** A read failure in words, without the path Node repeats at its end. */
export function readProblem(e: unknown): string {
  return `cannot read it (${(e as Error).message.replace(/, \w+ '.*'$/, '')})`;
}

/**
 * Why these bytes are not text, or undefined when they are. A NUL byte counts as binary
 * although UTF-8 allows it: no page text or JSON line holds one, and every binary format does.
 */
export function notTextReason(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'a NUL byte';
  if (!isUtf8(bytes)) return 'bytes that are not UTF-8';
  return undefined;
}

export function binaryProblem(reason: string): string {
  return `binary input refused: ${reason}; scan reads UTF-8 text`;
}

/** The first line (from 1) of these bytes that is not text, and why. */
export function firstNonTextLine(bytes: Uint8Array): { line: number; reason: string } | undefined {
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const reason = notTextReason(bytes.subarray(start, end));
    if (reason) return { line, reason };
    start = end + 1;
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8');

/** Reads a file path, or standard input for "-", as UTF-8 text; binary input is refused. */
export function readTextInput(path: string): string {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    throw new InputError(path, undefined, readProblem(e));
  }
  const reason = notTextReason(bytes);
  if (reason) {
    const at = firstNonTextLine(bytes);
    throw new InputError(path, at?.line, binaryProblem(at?.reason ?? reason));
  }
  return utf8.decode(bytes);
}

/** Reads a file path, or standard input for "-", as UTF-8 text (invalid bytes become U+FFFD). */
export function readInput(path: string): string {
  const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

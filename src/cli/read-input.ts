import { readFileSync } from 'node:fs';

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

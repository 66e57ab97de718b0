import { createFolder, SKIP } from './char-fold';

export interface NormalizedText {
  text: string;
  /** offsets[i] is the index in the original text of normalised character i */
  offsets: Int32Array;
}

/**
 * Normalises text the way the matcher sees it and keeps, for every character kept,
 * where it came from, so a match can be mapped back to the exact original span.
 */
export function normalizeWithOffsets(
  input: string,
  foldPairs: readonly (readonly [number, number])[] = [],
): NormalizedText {
  const fold = createFolder(foldPairs);
  const out: number[] = [];
  const offsets = new Int32Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const code = fold(input.charCodeAt(i));
    if (code === SKIP) continue;
    offsets[out.length] = i;
    out.push(code);
  }
  let text = '';
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode(...out.slice(i, i + 4096));
  return { text, offsets: offsets.slice(0, out.length) };
}

/** Normalised form of a pattern literal (no offsets needed). */
export function normalizeLiteral(input: string, foldPairs: readonly (readonly [number, number])[] = []): string {
  return normalizeWithOffsets(input, foldPairs).text;
}

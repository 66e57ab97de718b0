#!/usr/bin/env tsx
/**
 * npx tsx tools/build/invisible-ranges.ts   (rewrites src/engine/invisible-ranges.ts)
 *
 * Derives, from Unicode properties as the running JavaScript engine knows them, the code units a
 * reader never sees as a character of their own: default-ignorable code points, white space,
 * controls, format characters, combining marks (drawn over the character before them) and the
 * blank fillers that are letters or symbols by category (Braille blank; the Hangul fillers are
 * default-ignorable already). The normaliser skips them inside phrases. The derivation runs here
 * and not in the content script, where compiling these property classes and testing 65,536 code
 * units cost ~10 ms in every frame; tests/engine/invisible-ranges.test.ts checks the committed
 * table against it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Rendered blank though neither default-ignorable nor white space by their properties. */
export const BLANK_FILLERS = [0x2800];

const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}]$/u;

/** Inclusive [from, to] ranges of BMP code units (surrogate halves apart: the normaliser skips them all). */
export function deriveInvisibleRanges(): [number, number][] {
  const ranges: [number, number][] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (!INVISIBLE.test(String.fromCharCode(code)) && !BLANK_FILLERS.includes(code)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

export function invisibleRangesModule(ranges: readonly (readonly [number, number])[]): string {
  const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
  const rows = ranges.map(([from, to]) => `  [${hex(from)}, ${hex(to)}],`).join('\n');
  return `/**
 * Code units a reader never sees as a character of their own (default-ignorable, white space,
 * controls, format characters, combining marks, blank fillers such as U+3164 and U+2800),
 * derived from Unicode properties by tools/build/invisible-ranges.ts, which writes this file;
 * a test checks it against that derivation. Inclusive [from, to] ranges.
 */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
${rows}
];
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../../src/engine/invisible-ranges.ts', import.meta.url));
  writeFileSync(target, invisibleRangesModule(deriveInvisibleRanges()));
  process.stdout.write(`wrote ${target}\n`);
}

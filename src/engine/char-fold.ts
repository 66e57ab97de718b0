/**
 * The character folding every part of the engine shares. `foldCode` maps one UTF-16 code
 * unit to its canonical form, or to SKIP for characters that are ignored inside phrases
 * (white space, zero-width characters, punctuation, emoji halves). The pack adds its own
 * pairs on top (traditional → simplified, NFKC forms), derived at build time.
 */
import { INVISIBLE_RANGES } from './invisible-ranges';

export const SKIP = -1;

/** Punctuation, symbols and signs that sit between the words of an ad without being part of them. */
const PUNCTUATION_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0024], // controls, space, !"#$ (keep % at 0x25)
  [0x0026, 0x002f], // &'()*+,-./
  [0x003a, 0x0040], // :;<=>?@
  [0x005b, 0x0060], // [\]^_`
  [0x007b, 0x00a0], // {|}~, C1 controls, nbsp
  [0x00a1, 0x00bf], // Latin-1 punctuation and signs
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x034f, 0x034f], // combining grapheme joiner
  [0x180e, 0x180e],
  [0x2000, 0x206f], // general punctuation, zero-width characters, bidi controls
  [0x20a0, 0x20cf], // currency signs
  [0x2100, 0x214f], // letterlike symbols (℃ №)
  [0x2190, 0x23ff], // arrows, math, technical
  [0x2460, 0x27bf], // enclosed alphanumerics, boxes, shapes, dingbats (☎ ✅ ❤)
  [0x2900, 0x2bff], // more arrows and symbols
  [0x3000, 0x3004], // ideographic space and punctuation
  [0x3008, 0x3020], // CJK brackets and marks
  [0x3030, 0x3030],
  [0x30fb, 0x30fb], // katakana middle dot
  [0xd800, 0xdfff], // surrogate halves: emoji and rare astral characters
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility and small forms
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0xff01, 0xff04], // full-width ASCII punctuation (keep ％)
  [0xff06, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
  [0xfff0, 0xffff],
];

/**
 * Everything skipped inside phrases: the punctuation above, and every code unit a reader does not
 * see as a character (invisible-ranges.ts, derived from Unicode properties), so fillers such as
 * U+3164 or U+2800 between the characters of a phrase do not hide it.
 */
export const SKIP_RANGES: readonly (readonly [number, number])[] = [...PUNCTUATION_RANGES, ...INVISIBLE_RANGES];

/** Code units the built-in folding maps to another kept code unit: [from, to]. */
export const BUILTIN_FOLDS: readonly (readonly [number, number])[] = [
  ...Array.from({ length: 26 }, (_, i) => [0x41 + i, 0x61 + i] as const),
  // full-width ASCII digits and letters → ASCII, then lower case
  ...Array.from({ length: 10 }, (_, i) => [0xff10 + i, 0x30 + i] as const),
  ...Array.from({ length: 26 }, (_, i) => [0xff21 + i, 0x61 + i] as const),
  ...Array.from({ length: 26 }, (_, i) => [0xff41 + i, 0x61 + i] as const),
  [0xff05, 0x25], // ％ → %
];

/**
 * 0 where a code unit stays itself (no fold maps to 0: it is a control, skipped), else SKIP or
 * the code unit it folds to. No loop over all 65,536 entries: it is built when a content script
 * first matches, before the JIT has warmed up, where such a loop took several milliseconds.
 */
function buildBuiltinTable(): Int32Array {
  const table = new Int32Array(0x10000);
  for (const [from, to] of SKIP_RANGES) table.fill(SKIP, from, to + 1);
  for (const [from, to] of BUILTIN_FOLDS) table[from] = to;
  return table;
}

/** built on first use: a content script that never matches anything never pays for it */
let builtin: Int32Array | undefined;

/** Canonical code for one code unit, before the pack's own fold pairs. */
export function foldCode(code: number): number {
  const unit = code & 0xffff;
  const folded = (builtin ??= buildBuiltinTable())[unit] as number;
  return folded === 0 ? unit : folded;
}

/** A fold function that also applies the pack's pairs. */
export function createFolder(pairs: readonly (readonly [number, number])[]): (code: number) => number {
  if (pairs.length === 0) return foldCode;
  const extra = new Map<number, number>();
  for (const [from, to] of pairs) extra.set(from, foldCode(to));
  return (code) => extra.get(code) ?? foldCode(code);
}

import { describe, expect, it } from 'vitest';
import { BUILTIN_FOLDS, createFolder, foldCode, SKIP, SKIP_RANGES } from '../../src/engine/char-fold';

/** The folding as documented, one code unit at a time: the table must agree everywhere. */
function expected(code: number): number {
  const fold = BUILTIN_FOLDS.find(([from]) => from === code);
  if (fold) return fold[1];
  if (SKIP_RANGES.some(([from, to]) => code >= from && code <= to)) return SKIP;
  return code;
}

describe('foldCode', () => {
  it('agrees with the skip ranges and fold list for all 65,536 code units', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (foldCode(code) !== expected(code)) wrong.push(code);
    expect(wrong).toEqual([]);
  });

  it('keeps CJK and lower-case ASCII, folds case and full width, skips punctuation and controls', () => {
    expect(foldCode('债'.charCodeAt(0))).toBe('债'.charCodeAt(0));
    expect(foldCode('a'.charCodeAt(0))).toBe('a'.charCodeAt(0));
    expect(foldCode('A'.charCodeAt(0))).toBe('a'.charCodeAt(0));
    expect(foldCode('Ｗ'.charCodeAt(0))).toBe('w'.charCodeAt(0));
    expect(foldCode('８'.charCodeAt(0))).toBe('8'.charCodeAt(0));
    expect(foldCode('，'.charCodeAt(0))).toBe(SKIP);
    expect(foldCode(0)).toBe(SKIP);
    expect(foldCode(0x200b)).toBe(SKIP);
  });

  it('reads code units: values past 0xffff wrap to their low 16 bits', () => {
    expect(foldCode(0x10000 + 'A'.charCodeAt(0))).toBe('a'.charCodeAt(0));
  });

  it("lets a pack's pairs take precedence over the built-in folding", () => {
    const fold = createFolder([['債'.charCodeAt(0), '债'.charCodeAt(0)]]);
    expect(fold('債'.charCodeAt(0))).toBe('债'.charCodeAt(0));
    expect(fold('A'.charCodeAt(0))).toBe('a'.charCodeAt(0));
  });
});

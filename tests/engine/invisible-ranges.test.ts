import { describe, expect, it } from 'vitest';
import { foldCode, SKIP } from '../../src/engine/char-fold';
import { INVISIBLE_RANGES } from '../../src/engine/invisible-ranges';
import { normalizeWithOffsets } from '../../src/engine/normalize';
import { deriveInvisibleRanges, invisibleRangesModule } from '../../tools/build/invisible-ranges';

describe('invisible code points', () => {
  it('the committed table is the derivation from Unicode properties (regenerate: npx tsx tools/build/invisible-ranges.ts)', () => {
    expect(INVISIBLE_RANGES).toEqual(deriveInvisibleRanges());
    expect(invisibleRangesModule(INVISIBLE_RANGES)).toContain('export const INVISIBLE_RANGES');
  });

  it('skips every default-ignorable code point of the BMP, not only the ones an attack used', () => {
    const kept: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (/\p{Default_Ignorable_Code_Point}/u.test(String.fromCharCode(code)) && foldCode(code) !== SKIP) kept.push(code.toString(16));
    }
    expect(kept).toEqual([]);
  });

  it.each([
    ['U+17B4 Khmer vowel inherent aq', '\u17b4'],
    ['U+3164 Hangul filler', '\u3164'],
    ['U+2800 Braille pattern blank', '\u2800'],
    ['U+FFA0 half-width Hangul filler', '\uffa0'],
    ['U+115F Hangul choseong filler', '\u115f'],
    ['U+1160 Hangul jungseong filler', '\u1160'],
    ['U+180B Mongolian free variation selector', '\u180b'],
    ['U+2064 invisible plus', '\u2064'],
    ['U+0301 a combining accent drawn over the character before', '\u0301'],
    ['U+E0041 a tag character (astral)', '\u{e0041}'],
  ])('a phrase with %s between its characters normalises to the phrase', (_name, filler) => {
    const text = ['停', '息', '挂', '账'].join(filler);
    const normalized = normalizeWithOffsets(text);
    expect(normalized.text).toBe('停息挂账');
    // every kept character maps back to itself in the page's text
    expect([...normalized.offsets].map((i) => text[i]).join('')).toBe('停息挂账');
  });

  it('keeps the characters of ordinary text', () => {
    expect(normalizeWithOffsets('债务优化abc123').text).toBe('债务优化abc123');
  });
});

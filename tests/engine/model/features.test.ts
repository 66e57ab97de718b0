import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachGram, gramId, gramSet, modelText, quotedMask } from '../../../src/engine/model/features';

describe('modelText', () => {
  it('reads every ASCII digit as 0, drops spacing and punctuation, and keeps where each character came from', () => {
    const input = '只还3成，5万清 12万！';
    const { text, offsets } = modelText(input);
    expect(text).toBe('只还0成0万清00万');
    for (let i = 0; i < text.length; i++) {
      const original = input[offsets[i] as number] as string;
      expect(/\d/.test(original) ? '0' : original).toBe(text[i]);
    }
  });

  it('folds traditional characters with the pairs it is given', () => {
    expect(modelText('債務', [[0x50b5, 0x503a], [0x52d9, 0x52a1]]).text).toBe('债务');
  });
});

describe('quotedMask', () => {
  const mask = (input: string) => {
    const normalized = modelText(input);
    return [...quotedMask(input, normalized.offsets)].join('');
  };
  it('marks the characters inside paired quotation marks', () => {
    expect(mask('称“全额平债”可办')).toBe('0111100');
    expect(mask('「停催」和"上岸"')).toBe('11' + '0' + '11');
  });
  it('does not count an opening mark that never closes', () => {
    expect(mask('“全额平债，加我')).toBe('000000');
  });
});

describe('n-grams', () => {
  it('hashes the same n-gram to the same bucket, and a quoted one to another', () => {
    expect(gramId('停息挂账', 0, 2)).toBe(gramId('挂账停息', 2, 2));
    expect(gramId('停息', 0, 2, true)).not.toBe(gramId('停息', 0, 2));
  });

  it('visits every n-gram of every order once, with its place', () => {
    const seen: [number, number][] = [];
    forEachGram('abcd', [1, 2], (_, start, length) => seen.push([start, length]));
    expect(seen).toEqual([[0, 1], [1, 1], [2, 1], [3, 1], [0, 2], [1, 2], [2, 2]]);
  });

  it('gives a sorted set of distinct ids whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const ids = [...gramSet(s, [1, 2])];
        expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      }),
    );
  });
});

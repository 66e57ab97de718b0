import { describe, expect, it } from 'vitest';
import { gramId } from '../../../src/engine/model/features';
import { readWithModel, type DecodedModel } from '../../../src/engine/model/read';
import { LURE_CATEGORIES } from '../../../src/engine/pack-schema';

/** a hand-made model: "帮你" and "私我" weigh for an ad, "骗局" against */
function model(): DecodedModel {
  const weights = new Map<number, number>([
    [gramId('帮你', 0, 2), 2],
    [gramId('私我', 0, 2), 3],
    [gramId('骗局', 0, 2), -4],
  ]);
  const family = { bias: -1, weights: new Map([[gramId('私我', 0, 2), 4]]) };
  return {
    orders: [2],
    fold: [],
    ad: { bias: -1, weights },
    families: new Map(LURE_CATEGORIES.map((c) => [c, c === 'off-platform' ? family : { bias: -2, weights: new Map() }])),
    combiner: { weights: [], bias: 0 },
  };
}

describe('readWithModel', () => {
  it('adds each distinct n-gram once, however often it occurs', () => {
    expect(readWithModel(model(), '帮你帮你帮你').logit).toBeCloseTo(1);
    expect(readWithModel(model(), '帮你，私我').logit).toBeCloseTo(4);
  });

  it('puts the family whose head fires first', () => {
    expect(readWithModel(model(), '有事私我').families[0]?.category).toBe('off-platform');
  });

  it('points at the phrases in the original text, without the punctuation around them', () => {
    const text = '我们 帮你！！有事：私我。';
    const { phrases } = readWithModel(model(), text);
    const quoted = phrases.map((p) => text.slice(p.start, p.end));
    expect(quoted).toContain('私我');
    expect(quoted).toContain('帮你');
  });

  it('reads quoted words apart: a quotation of the ad is not the ad', () => {
    expect(readWithModel(model(), '“帮你，私我”是骗局').logit).toBeLessThan(0);
  });
});

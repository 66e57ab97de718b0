import { describe, expect, it } from 'vitest';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { COMBINER_FEATURES } from '../../src/engine/model/model-schema';
import type { DecodedModel, ModelReading } from '../../src/engine/model/read';
import { LURE_CATEGORIES } from '../../src/engine/pack-schema';
import { familyMuteId, scoreBlock, scorePage, scoreRules, wantsModel } from '../../src/engine/score';
import { TEST_PACK } from '../helpers/test-pack';

const matcher = createMatcher(TEST_PACK);
/** a combiner that passes the model's logit through: probability = sigmoid(logit) */
const model: DecodedModel = {
  orders: [1, 2],
  fold: [],
  ad: { bias: 0, weights: new Map() },
  families: new Map(LURE_CATEGORIES.map((c) => [c, { bias: 0, weights: new Map() }])),
  combiner: { weights: COMBINER_FEATURES.map((f) => (f === 'model' ? 4 : 0)), bias: 0 },
};
const reading = (logit: number, families: [string, number][] = [['upfront-fee', 0.9]]): ModelReading => ({
  logit,
  families: families.map(([category, probability]) => ({ category: category as ModelReading['families'][number]['category'], probability })),
  phrases: [{ start: 0, end: 2 }],
});

describe('scoreBlock with the model', () => {
  const text = '先交五百块钱，我给你办好';
  const findings = analyzeBlock(matcher, text);

  it('gives the combiner’s probability as the score, with the families and phrases the model read', () => {
    const verdict = scoreBlock(TEST_PACK, findings, { model, reading: reading(2) });
    expect(verdict.score).toBe(Math.round(100 / (1 + Math.exp(-2))));
    expect(verdict.model).toMatchObject({ families: ['upfront-fee'], phrases: [{ start: 0, end: 2 }] });
  });

  it('falls back to the rules when the model did not read the block', () => {
    expect(scoreBlock(TEST_PACK, findings, { model })).toEqual(scoreRules(TEST_PACK, findings));
  });

  it('lets the user mute a family: a block whose families are all muted keeps no model evidence for them', () => {
    const muted = new Set([familyMuteId('upfront-fee')]);
    const verdict = scoreBlock(TEST_PACK, findings, { model, reading: reading(3), muted });
    expect(verdict.score).toBeLessThanOrEqual(50);
    expect(verdict.model?.families).toEqual([]);
    const other = scoreBlock(TEST_PACK, findings, { model, reading: reading(3, [['upfront-fee', 0.9], ['off-platform', 0.8]]), muted });
    expect(other.score).toBeGreaterThan(90);
    // the muted family is not named again while the other keeps the block flagged
    expect(other.model?.families).toEqual(['off-platform']);
  });

  it('halves a block of an anti-fraud page that sells nothing', () => {
    // three distinct warning cues on the page make it an anti-fraud article
    const warnings = { length: 20, lures: [], contacts: 0, cues: ['police', 'reporter', 'regulator'].map((cueId, i) => ({ cueId, kind: 'warning' as const, start: i * 2, end: i * 2 + 2 })) };
    const page = scorePage(TEST_PACK, [warnings, findings], { model, readings: [undefined, reading(3)] });
    expect(page.antiFraudPage).toBe(true);
    expect(page.blocks[1]?.score).toBe(Math.round(50 / (1 + Math.exp(-3))));
    expect(page.blocks[1]?.reasons).toContain('anti-fraud-page');
  });
});

describe('wantsModel', () => {
  it.each([
    ['我们帮你债务优化', true],
    ['今天天气不错', false],
  ])('%s → %s', (text, wanted) => {
    expect(wantsModel(analyzeBlock(matcher, text))).toBe(wanted);
  });
});

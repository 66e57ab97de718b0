import { describe, expect, it } from 'vitest';
import { gramId } from '../../../src/engine/model/features';
import { MODEL_WINDOW, modelWindows, readWithModel, WINDOWED_FROM, type DecodedModel } from '../../../src/engine/model/read';
import { LURE_CATEGORIES } from '../../../src/engine/pack-schema';

/** a hand-made model: "私我" weighs for an ad, every n-gram of the padding a little against */
function model(): DecodedModel {
  const weights = new Map<number, number>([
    [gramId('私我', 0, 2), 3],
    [gramId('帮你', 0, 2), 2],
  ]);
  for (const pair of ['今天', '天天', '天气', '气好', '好，', '晴朗', '朗今', '好今', '好晴', '晴今', '天晴']) weights.set(gramId(pair, 0, 2), -0.5);
  // every pair of the diverse filler below weighs a little against, as ordinary words do
  for (let i = 0; i + 1 < FILLER.length; i++) weights.set(gramId(FILLER, i, 2), -0.05);
  return {
    orders: [2],
    fold: [],
    ad: { bias: -1, weights },
    families: new Map(LURE_CATEGORIES.map((c) => [c, { bias: -2, weights: c === 'off-platform' ? new Map([[gramId('私我', 0, 2), 4]]) : new Map() }])),
    combiner: { weights: [], bias: 0 },
  };
}

const padding = (n: number): string => '今天天气好，晴朗。'.repeat(n);
/** ordinary text with no n-gram repeated: the kind that drowns an ad read as one bag of n-grams */
const FILLER = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + 2 * i)).join('');

describe('readWithModel on a block longer than its training lines', () => {
  it('reads the ad as strongly behind any length of padding, where the whole block reads as no ad', () => {
    const near = readWithModel(model(), `${padding(40)}帮你，有事私我。${padding(40)}`).logit;
    expect(near).toBeGreaterThan(0);
    for (const n of [200, 2000]) {
      const reading = readWithModel(model(), `${padding(n)}帮你，有事私我。${padding(n)}`);
      expect(reading.logit).toBeCloseTo(near);
      expect(reading.families[0]?.category).toBe('off-platform');
    }
  });

  it('keeps the ad readable inside diverse ordinary text that drowns it as one bag', () => {
    const text = `${FILLER.slice(0, 1500)}。帮你，有事私我。${FILLER.slice(1500)}`;
    const reading = readWithModel(model(), text);
    expect(reading.blockLogit).toBeLessThan(0);
    expect(reading.logit).toBeGreaterThan(0);
  });

  it('reads a text as long as a training line whole, with no separate block logit', () => {
    expect(modelWindows('', new Int32Array(WINDOWED_FROM)).length).toBe(1);
    expect(modelWindows('', new Int32Array(WINDOWED_FROM + 1)).length).toBeGreaterThan(1);
    const text = '我们 帮你！！有事：私我。今天天气好';
    const reading = readWithModel(model(), text);
    // 帮你, 私我, and 今天 天天 天气 气好, each once
    expect(reading.logit).toBe(-1 + 2 + 3 - 4 * 0.5);
    expect(reading.blockLogit).toBeUndefined();
  });

  it('points at the ad where it stands in the long block', () => {
    const text = `${padding(300)}有事私我。${padding(300)}`;
    const { phrases } = readWithModel(model(), text);
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.map((p) => text.slice(p.start, p.end))).toContain('私我');
    expect(phrases[0]?.start).toBe(padding(300).length + 2);
  });

  it('covers the whole text with overlapping windows that start at sentence ends where one is near', () => {
    const text = padding(100);
    const offsets = Int32Array.from([...text].flatMap((c, i) => (/[，。]/.test(c) ? [] : [i])));
    const windows = modelWindows(text, offsets);
    expect(windows[0]?.[0]).toBe(0);
    expect(windows.at(-1)?.[1]).toBe(offsets.length);
    for (let i = 1; i < windows.length; i++) {
      const [start, end] = windows[i] as [number, number];
      const previous = windows[i - 1] as [number, number];
      expect(start).toBeGreaterThan(previous[0]);
      expect(start).toBeLessThan(previous[1]);
      expect(end - start).toBeLessThanOrEqual(MODEL_WINDOW);
      // every window after the first starts where a sentence of seven characters starts
      expect(start % 7).toBe(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { phrasesOf, quotesOf, toWholeWords, weighedPhrasesOf } from '../../../src/content/banner/phrases';

const widen = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  const { start: s, end: e } = toWholeWords(text, start, start + phrase.length);
  return text.slice(s, e);
};

describe('lure phrases end on whole words', () => {
  it.each([
    // a rule's pattern is a stem: 不成功{100%}退 matches 退费 / 退款 / 退钱 alike
    ['不成功100%退费，签正规合同，绝无后顾之忧', '不成功100%退', '不成功100%退费'],
    // the model's run stops where its weight falls under the floor
    ['不成功100%退费，签正规合同，绝无后顾之忧', '签正规合', '签正规合同'],
    ['只还本金，剩下的我们去跟平台协商', '的我们去跟平', '的我们去跟平台'],
    ['专业法务团队十年经验，专注债务优化', '专注债', '专注债务'],
    // a start inside a word moves back to the word's start
    ['停息挂账：最长可分 60 期', '息挂账', '停息挂账'],
  ])('%s: %s → %s', (text, phrase, expected) => {
    expect(widen(text, phrase)).toBe(expected);
  });

  it.each([
    ['停息挂账：最长可分 60 期', '停息挂账'],
    ['不成功100%退费，签正规合同', '不成功100%退费'],
    ['名额有限，立即加微信：anxin_shangan888', '加微信'],
  ])('a phrase already on word edges is left as it is: %s', (text, phrase) => {
    expect(widen(text, phrase)).toBe(phrase);
  });

  it('never runs past a clause', () => {
    expect(widen('不成功100%退费，签正规合同', '不成功100%退')).not.toContain('，');
  });

  it('takes the phrases at the spans, whole words, without inserted breaks, each once', () => {
    const text = '我们帮你停息\n挂账，债务优化';
    expect(phrasesOf(text, [{ start: 4, end: 9 }, { start: 10, end: 14 }, { start: 10, end: 14 }])).toEqual(['停息挂账', '债务优化']);
  });
});

describe('the ad’s own words for the banner', () => {
  const rule = (text: string, points: number) => ({ text, points });
  const model = (text: string) => ({ text, points: 0 });

  it('quotes the three strongest lures, the model’s phrases after every rule’s', () => {
    const phrases = [model('专业法务团队'), rule('预缴服务费', 40), rule('不成功100%退费', 55), rule('停息挂账', 45), rule('全额平债', 30)];
    expect(quotesOf(phrases)).toEqual(['不成功100%退费', '停息挂账', '预缴服务费']);
  });

  it('a longer phrase takes the place of the shorter ones it contains; a contained one is left out', () => {
    expect(quotesOf([rule('停息', 50), rule('全额平债', 40), rule('停息挂账', 30), rule('挂账', 20)])).toEqual(['停息挂账', '全额平债']);
  });

  it('leaves out long phrases and phrases across a clause break', () => {
    expect(quotesOf([rule('法务团队十年经验，专注债务', 50), rule('一'.repeat(30), 40), rule('加微信', 10)])).toEqual(['加微信']);
  });

  it('keeps each phrase once, at the highest points it was found with', () => {
    const text = '加微信，不成功100%退费，加微信';
    expect(weighedPhrasesOf(text, [{ start: 0, end: 3 }, { start: 0, end: 3, points: 25 }, { start: 4, end: 12, points: 55 }])).toEqual([
      { text: '加微信', points: 25 },
      { text: '不成功100%退费', points: 55 },
    ]);
  });
});

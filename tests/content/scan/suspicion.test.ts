import { describe, expect, it } from 'vitest';
import { looksLikeGibberish } from '../../../src/content/scan/suspicion';

/** The sign that a web font may draw other glyphs than the DOM holds (the OCR path reads such blocks). */
describe('looksLikeGibberish', () => {
  it('passes ordinary Chinese, English and mixed text', () => {
    for (const text of [
      '今天天气很好，我们去公园散步，顺便买了点水果。',
      'The quick brown fox jumps over the lazy dog again and again.',
      '信用卡 App 里可以申请分期，客服电话 95555。',
      '𠀀 一个生僻字出现在一段很长的普通中文里面，不影响阅读。',
    ]) {
      expect(looksLikeGibberish(text), text).toBe(false);
    }
  });

  it('flags text that is mostly private-use code points', () => {
    expect(looksLikeGibberish('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008停息')).toBe(true);
    expect(looksLikeGibberish('停息挂账债务优化加微信\ue001')).toBe(false);
  });

  it('flags text that is mostly rare ideographs, astral ones counted once each', () => {
    expect(looksLikeGibberish('㐀㐁㐂㐃㐄㐅㐆㐇的')).toBe(true);
    expect(looksLikeGibberish('𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇的')).toBe(true);
    expect(looksLikeGibberish('𠀀𠀁和一段很长很长的普通中文文字在一起')).toBe(false);
  });

  it('flags Latin letters with far too few or too many vowels, not short runs', () => {
    expect(looksLikeGibberish('xqzt bcdfg hjklm npqrs tvwxz')).toBe(true);
    expect(looksLikeGibberish('aeiou eaiou ouiea aeioua')).toBe(true);
    expect(looksLikeGibberish('xqz bcd')).toBe(false);
  });

  it('needs enough letters to judge', () => {
    expect(looksLikeGibberish('\ue001\ue002\ue003 12345 ！？')).toBe(false);
  });
});

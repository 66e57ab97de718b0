import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeWithOffsets } from '../../src/engine/normalize';

describe('normalizeWithOffsets', () => {
  it.each([
    ['full-width letters and digits', 'ＶＸ１２３', 'vx123'],
    ['upper case', 'WeChat', 'wechat'],
    ['full-width percent is kept', '１００％', '100%'],
    ['zero-width characters', '征\u200b信\u200d修\ufeff复', '征信修复'],
    ['spaces, ideographic space and punctuation inside a phrase', '停 息　挂·账！', '停息挂账'],
    ['emoji inside a phrase', '债🔥务优化', '债务优化'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeWithOffsets(input).text).toBe(expected);
  });

  it('applies fold pairs given by the pack', () => {
    const pairs: [number, number][] = [['債'.charCodeAt(0), '债'.charCodeAt(0)]];
    expect(normalizeWithOffsets('債務', pairs).text).toBe('债務');
  });

  it('maps every kept character back to the original character it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        const { text, offsets } = normalizeWithOffsets(input);
        expect(offsets.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          const original = offsets[i] as number;
          expect(normalizeWithOffsets(input[original] ?? '').text).toBe(text[i]);
          if (i > 0) expect(original).toBeGreaterThan(offsets[i - 1] as number);
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

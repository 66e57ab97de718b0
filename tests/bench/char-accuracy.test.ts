import { describe, expect, it } from 'vitest';
import { characterAccuracy, editDistance, foldForComparison, tallyAccuracy } from '../../tools/bench/char-accuracy';

describe('character accuracy (1 − CER)', () => {
  it.each([
    ['', '', 0],
    ['停息挂账', '停息挂账', 0],
    ['停息挂账', '停息挂帐', 1],
    ['逾期不用怕', '期不用怕', 1],
    ['负债50万', '负债50万元', 1],
    ['abc', 'xyz', 3],
  ])('edit distance %s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('ignores whitespace and full-width forms, as Tesseract spaces out Han characters', () => {
    expect(foldForComparison('停 息 挂 账 ５０')).toBe('停息挂账50');
    expect(tallyAccuracy('负债50万 上岸', '负 债 ５０ 万上岸')).toEqual({ edits: 0, characters: 7 });
  });

  it('pools edits over the set and floors at 0', () => {
    expect(characterAccuracy([{ edits: 1, characters: 10 }, { edits: 0, characters: 10 }])).toBeCloseTo(0.95);
    expect(characterAccuracy([{ edits: 30, characters: 10 }])).toBe(0);
    expect(characterAccuracy([])).toBe(1);
  });
});

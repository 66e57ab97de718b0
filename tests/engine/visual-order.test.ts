import { describe, expect, it } from 'vitest';
import { asRightToLeftOverride, inVisualOrder } from '../../src/engine/visual-order';

describe('inVisualOrder', () => {
  it.each([
    ['a right-to-left override of the whole phrase', '\u202e账挂息停\u202c', '停息挂账'],
    ['an override without its closing PDF, up to the end of the line', '专业\u202e账挂息停', '专业停息挂账'],
    ['an override inside ordinary text', '我们帮你\u202e账挂息停\u202c，加微信', '我们帮你停息挂账，加微信'],
    ['a right-to-left isolate of Chinese, which stays in its order (only overrides reverse it)', '\u2067债务优化\u2069', '债务优化'],
    ['a left-to-right override nested in a right-to-left one keeps its own order', '\u202e息停\u202d挂账\u202c\u202c', '挂账停息'],
    ['two lines each on their own', '\u202e账挂\n\u202e息停', '挂账\n停息'],
  ])('reads %s in drawn order', (_name, text, drawn) => {
    expect(inVisualOrder(text)).toBe(drawn);
  });

  it('returns the very same string when there is no control', () => {
    const text = '普通的一段话，没有方向控制符。';
    expect(inVisualOrder(text)).toBe(text);
  });

  it('a right-to-left embedding alone does not reverse Chinese (only an override does)', () => {
    expect(inVisualOrder('\u202b停息挂账\u202c')).toBe('停息挂账');
  });

  it('wraps element-level right-to-left overrides for the same reading', () => {
    expect(inVisualOrder(asRightToLeftOverride('账挂息停'))).toBe('停息挂账');
  });
});

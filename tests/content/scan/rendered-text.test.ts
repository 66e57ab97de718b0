// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Extraction, extractBlocks } from '../../../src/content/scan/extract';
import { RenderedReader, countSplits } from '../../../src/content/scan/rendered-text';
import type { RenderView } from '../../../src/content/scan/visibility';

/**
 * The rendered reading over a fake rendering: happy-dom computes inline styles but lays nothing
 * out, so each element's box comes from a data-box="left,top,width,height" attribute (inherited
 * by its text), and what is displayed from the computed display and visibility.
 */
function rectOf(element: Element | null): DOMRectReadOnly {
  const box = element?.closest('[data-box]')?.getAttribute('data-box') ?? '10,10,200,20';
  const [left, top, width, height] = box.split(',').map(Number) as [number, number, number, number];
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
}

const fakeView: RenderView = {
  style: (element, pseudo) => getComputedStyle(element, pseudo ?? null),
  displayed: (element) => {
    for (let el: Element | null = element; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return true;
  },
  textRect: (node) => rectOf(node.parentElement),
  elementRect: (element) => rectOf(element),
  page: () => ({ left: 0, top: 0, right: 1200, bottom: 3000 }),
  isPageFont: (family) => family === 'SwapFont',
};

function readBody(html: string) {
  document.body.innerHTML = html;
  const blocks = extractBlocks([document.body]);
  const reader = new RenderedReader(new Extraction(document.body, { isOwnUi: () => false, maxChars: 4000 }), fakeView);
  return blocks.map((block) => ({ block, reading: reader.read(block) }));
}

const interleave = (visible: string, junk: (i: number) => string) =>
  [...visible].map((c, i) => `${c}${i < visible.length - 1 ? junk(i) : ''}`).join('');

describe('RenderedReader', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['display:none', 'display:none'],
    ['visibility:hidden', 'visibility:hidden'],
    ['font-size:0', 'font-size:0px'],
    ['a 1px font', 'font-size:1px'],
    ['a transparent colour', 'color:transparent'],
    ['an rgba colour with no alpha', 'color:rgba(0, 0, 0, 0)'],
    ['opacity 0', 'opacity:0'],
  ])('drops junk hidden by %s and counts it as splitting the words', (_name, css) => {
    const [result] = readBody(`<p>${interleave('停息挂账加微信', () => `<span style="${css}">猫</span>`)}</p>`);
    expect(result?.block.text).toContain('猫');
    expect(result?.reading.text).toBe('停息挂账加微信');
    expect(result?.reading.splits).toBe(6);
  });

  it.each([
    ['placed off the page', '<span data-box="-9999,10,40,20">猫</span>'],
    ['clipped to nothing by a 1px box', '<span style="overflow:hidden" data-box="0,0,1,1"><span>猫</span></span>'],
    ['with a clip-path that leaves nothing', '<span style="clip-path:inset(50%)">猫</span>'],
  ])('drops junk %s', (_name, junk) => {
    const [result] = readBody(`<p>${interleave('停息挂账', () => junk)}</p>`);
    expect(result?.reading.text).toBe('停息挂账');
    expect(result?.reading.hidden).toEqual(['猫', '猫', '猫']);
  });

  it('keeps the visible text whole, with no hidden runs, on an ordinary block', () => {
    const [result] = readBody('<p>今天<b>天气</b>很好，我们去公园散步。</p>');
    expect(result?.reading).toMatchObject({ text: '今天天气很好，我们去公园散步。', hidden: [], splits: 0, unreadable: false });
  });

  it('a whole block hidden by style reads as nothing', () => {
    const results = readBody('<section style="display:none"><p>停息挂账，加微信</p></section><section><p>天气</p></section>');
    expect(results.map((r) => r.reading.text)).toEqual(['', '天气']);
  });

  it('reads flex items in the order they are drawn, not the DOM order', () => {
    const items = ['挂账', '停息', '微信', '加'];
    const left = { 停息: 0, 挂账: 40, 加: 80, 微信: 100 } as Record<string, number>;
    const html = items.map((t) => `<span data-box="${left[t]},10,30,20">${t}</span>`).join('');
    const [result] = readBody(`<div style="display:flex">${html}</div>`);
    expect(result?.block.text).toBe('挂账停息微信加');
    expect(result?.reading.text).toBe('停息挂账加微信');
  });

  it('reads absolutely placed characters in the order they are drawn, and says the DOM may not hold what is drawn', () => {
    const chars = ['息', '停', '账', '挂'];
    const left = { 停: 0, 息: 20, 挂: 40, 账: 60 } as Record<string, number>;
    const html = chars.map((c) => `<span style="position:absolute" data-box="${left[c]},10,16,20">${c}</span>`).join('');
    const [result] = readBody(`<div style="position:relative">${html}</div>`);
    expect(result?.reading.text).toBe('停息挂账');
    expect(result?.reading.unreadable).toBe(true);
  });

  it('says so when the text is drawn by a font of the page', () => {
    const [result] = readBody('<p style="font-family: SwapFont, sans-serif">的一是了我不人在他有这个</p>');
    expect(result?.reading.unreadable).toBe(true);
  });

  it('reads form controls and skips hidden ones', () => {
    const [result] = readBody('<form><input readonly value="停息挂账"><input style="display:none" value="警惕骗局"></form>');
    expect(result?.reading.text).toBe('停息挂账');
    expect(result?.reading.hidden).toEqual(['警惕骗局']);
  });
});

describe('countSplits', () => {
  it('counts hidden runs between two visible letters only', () => {
    const runs = [
      { text: '停', hidden: false },
      { text: 'x', hidden: true },
      { text: '息', hidden: false },
      { text: '（新窗口）', hidden: true },
      { text: '。', hidden: false },
      { text: 'y', hidden: true },
    ];
    expect(countSplits(runs)).toBe(1);
  });
});

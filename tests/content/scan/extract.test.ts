// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { elementForKey, trackedKeyCount, TRACKED_KEYS_FLOOR } from '../../../src/content/scan/block-keys';
import { extractBlocks, extractBlocksSliced } from '../../../src/content/scan/extract';
import { isBannerHost, showBanner } from '../../../src/content/banner/banner';
import { STRINGS } from '../banner/strings.fixture';

function texts(html: string): string[] {
  document.body.innerHTML = html;
  return extractBlocks([document.body], { isOwnUi: isBannerHost }).map((b) => b.text);
}

describe('extractBlocks', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
  });

  it('makes one block per card and keeps inline runs together', () => {
    const blocks = texts(`
      <div class="feed">
        <div class="card"><h3>债务优化</h3><p>专业<b>停息</b>挂账，加微信</p></div>
        <div class="card"><h3>天气</h3><p>今天多云</p></div>
      </div>`);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('停息挂账');
    expect(blocks[0]).toContain('债务优化');
    expect(blocks[1]).toContain('今天多云');
  });

  it('keeps list items and articles as their own units without repeating nested text', () => {
    const blocks = texts('<article><h1>标题</h1><ul><li>第一条 停息挂账</li><li>第二条 征信修复</li></ul></article>');
    expect(blocks).toEqual(['标题', '第一条 停息挂账', '第二条 征信修复']);
  });

  it.each([
    ['script', '<script>var a = "停息挂账";</script>'],
    ['style', '<style>.y::after { content: attr(data-none) }</style>'],
    ['noscript', '<noscript>停息挂账</noscript>'],
    ['template', '<template><p>停息挂账</p></template>'],
    ['an SVG title and its definitions', '<svg><title>停息挂账</title><defs><text id="t">停息挂账</text></defs></svg>'],
    ['ruby annotations', '<ruby>停<rp>(</rp><rt>停息挂账</rt><rp>)</rp></ruby>'],
    ['a password field', '<input type="password" value="停息挂账">'],
  ])('skips %s', (_, html) => {
    expect(texts(`<p>可见文字</p>${html}`).join('\n')).not.toContain('停息挂账');
  });

  it.each([
    ['the hidden attribute', '<div hidden><p>停息挂账</p></div>'],
    ['aria-hidden, which hides nothing from the eye', '<div aria-hidden="true"><p>停息挂账</p></div>'],
    ['inline display none, which a stylesheet can override', '<div style="display:none"><p>停息挂账</p></div>'],
  ])('keeps text hidden by %s for the rendered reading to judge', (_, html) => {
    expect(texts(`<p>可见文字</p>${html}`).join('\n')).toContain('停息挂账');
  });

  it.each([
    ['SVG text', '<div><svg width="200" height="40"><text x="0" y="20">停息<tspan>挂账</tspan></text></svg>，加微信</div>', '停息挂账'],
    ['ruby base text without its annotations', '<p><ruby>停<rt>tíng</rt>息<rt>xī</rt>挂<rt>guà</rt>账<rt>zhàng</rt></ruby></p>', '停息挂账'],
    ['a read-only field', '<p>服务：<input readonly value="停息挂账，全额平债"></p>', '停息挂账，全额平债'],
    ['a placeholder', '<p><input placeholder="停息挂账咨询"></p>', '停息挂账咨询'],
    ['a text area', '<div><textarea>停息挂账，三天上岸</textarea></div>', '停息挂账，三天上岸'],
    ['the chosen option of a drop-down', '<p><select><option>普通</option><option selected>停息挂账</option></select></p>', '停息挂账'],
    ['every option of a list box', '<p><select size="3"><option>停息</option><option>挂账</option></select></p>', '停息\n挂账'],
    ['a submit button', '<form><input type="submit" value="立即停息挂账"></form>', '立即停息挂账'],
    ['a bdo drawn right to left', '<p><bdo dir="rtl">账挂息停</bdo></p>', '停息挂账'],
    ['a bidi override in the text', '<p>\u202e账挂息停\u202c</p>', '停息挂账'],
  ])('reads %s', (_, html, expected) => {
    expect(texts(html).join('\n')).toContain(expected);
  });

  it('reads generated content the page declares, before and after the element, and attr() values', () => {
    document.head.innerHTML = '<style>.a::before { content: "停息"; } .a::after { content: attr(data-x) "，加微信"; } .icon::before { content: "\\f101"; }</style>';
    const [block] = texts('<div class="card"><span class="a" data-x="平债">挂账全额</span><i class="icon"></i></div>');
    document.head.innerHTML = '';
    expect(block).toBe('停息挂账全额平债，加微信');
  });

  it('reads an element longer than a block whole, in overlapping slices with keys of their own', () => {
    const long = `${'今天天气很好，我们去公园散步。'.repeat(600)}专业团队帮你停息挂账`;
    document.body.innerHTML = `<p>${long}</p>`;
    const blocks = extractBlocks([document.body], { maxChars: 4000 });
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks.every((b) => b.text.length <= 4000)).toBe(true);
    expect(blocks.at(-1)?.text).toContain('停息挂账');
    expect(new Set(blocks.map((b) => b.key)).size).toBe(blocks.length);
    expect(blocks.map((b) => elementForKey(b.key))).toEqual(blocks.map(() => document.querySelector('p')));
  });

  it('marks text cut into tiny pieces (junk between the characters) as suspect', () => {
    document.body.innerHTML = '<p>停<i class="j">猫</i>息<i class="j">狗</i>挂<i class="j">鱼</i>账<i class="j">鸟</i>服务</p><p>一段普通的<b>文字</b>，没有什么特别。</p>';
    const [junk, plain] = extractBlocks([document.body]);
    expect(junk?.suspect).toBe(true);
    expect(plain?.suspect).toBeUndefined();
  });

  it('offers to pause between blocks, so a page of thousands of short paragraphs is read in slices', async () => {
    const paragraphs = 500;
    document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段，一段普通的文字。</p>`).join('');
    let asked = 0;
    let paused = 0;
    // a slice is over at every tenth question: the reading must have stopped at least once per ten blocks
    const pacer = { sliceOver: () => ++asked % 10 === 0, pause: async () => void paused++ };
    const blocks = await extractBlocksSliced([document.body], {}, pacer, new AbortController().signal);
    expect(blocks).toHaveLength(paragraphs);
    expect(asked).toBeGreaterThanOrEqual(paragraphs);
    expect(paused).toBeGreaterThanOrEqual(paragraphs / 10);
  });

  it('stops a sliced reading that is aborted while it pauses', async () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>第${i}段</p>`).join('');
    const controller = new AbortController();
    const pacer = { sliceOver: () => true, pause: async () => controller.abort() };
    expect(await extractBlocksSliced([document.body], {}, pacer, controller.signal)).toBeUndefined();
  });

  it('never reads our banner, even when the page copies its attribute', () => {
    document.body.innerHTML = '<p>普通内容</p><div data-fcs-banner="high"><p>页面自己的停息挂账</p></div>';
    showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, { onDetails() {}, onDismiss() {} });
    const all = extractBlocks([document.documentElement], { isOwnUi: isBannerHost }).map((b) => b.text).join('\n');
    expect(all).toContain('页面自己的停息挂账');
    expect(all).not.toContain('fcs-guard');
  });

  it('caps the text of each block', () => {
    document.body.innerHTML = `<p>${'债务优化'.repeat(3000)}</p>`;
    const blocks = extractBlocks([document.body], { maxChars: 4000 });
    expect(Math.max(...blocks.map((b) => b.text.length))).toBe(4000);
  });

  it('splits a long container into smaller blocks instead of truncating it', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>${'文'.repeat(200)}第${i}段</p>`).join('');
    const blocks = texts(`<div id="content">${paragraphs}</div>`);
    expect(blocks).toHaveLength(30);
    expect(blocks[29]).toContain('第29段');
  });

  it('re-reads the whole block when text is added inside it, with a stable key', () => {
    document.body.innerHTML = '<div class="card"><h3>标题</h3><p id="p">第一句</p></div>';
    const [before] = extractBlocks([document.body]);
    const added = document.createElement('span');
    added.textContent = '停息挂账';
    document.getElementById('p')?.append(added);
    const after = extractBlocks([added]);
    expect(after).toHaveLength(1);
    expect(after[0]?.key).toBe(before?.key);
    expect(after[0]?.text).toContain('第一句停息挂账');
  });

  it('accepts a single root node', () => {
    document.body.innerHTML = '<p>停息挂账</p>';
    expect(extractBlocks(document.body).map((b) => b.text)).toEqual(['停息挂账']);
  });
});

describe('block keys of a feed that keeps replacing its items', () => {
  // happy-dom walks a DOM far slower than a browser: 40 rounds of 300 items take seconds here
  it('stay bounded by the blocks still in the document, and those keep resolving', { timeout: 30_000 }, () => {
    document.body.innerHTML = '<ul></ul>';
    const main = document.querySelector('ul')!;
    const live = 300;
    let kept: { key: string; element: Element }[] = [];
    for (let round = 0; round < 40; round++) {
      main.replaceChildren(
        ...Array.from({ length: live }, (_, i) => {
          const item = document.createElement('li');
          item.textContent = `第${round}轮第${i}条新闻`;
          return item;
        }),
      );
      kept = extractBlocks([main]);
      expect(trackedKeyCount()).toBeLessThan(Math.max(TRACKED_KEYS_FLOOR, 2 * live) + live);
    }
    // 12,000 blocks were keyed over the rounds; the ones on the page still find their element
    expect(kept).toHaveLength(live);
    for (const { key, element } of kept) expect(elementForKey(key)).toBe(element);
  });

  it('an element taken out and put back keeps its key and resolves again', () => {
    document.body.innerHTML = '<ul><li>会回来的一段话</li><li>另一条</li></ul>';
    const main = document.querySelector('ul')!;
    const [first] = extractBlocks([main]);
    const moved = first!.element;
    moved.remove();
    expect(elementForKey(first!.key)).toBeUndefined();
    main.append(moved);
    const again = extractBlocks([main]).find((block) => block.element === moved);
    expect(again!.key).toBe(first!.key);
    expect(elementForKey(again!.key)).toBe(moved);
  });
});

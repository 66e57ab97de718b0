// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { elementForKey, trackedKeyCount, TRACKED_KEYS_FLOOR } from '../../../src/content/scan/block-keys';
import { extractBlocks } from '../../../src/content/scan/extract';
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
    ['style', '<style>.x::after { content: "停息挂账" }</style>'],
    ['noscript', '<noscript>停息挂账</noscript>'],
    ['template', '<template><p>停息挂账</p></template>'],
    ['svg', '<svg><text>停息挂账</text></svg>'],
    ['hidden attribute', '<div hidden><p>停息挂账</p></div>'],
    ['aria-hidden', '<div aria-hidden="true"><p>停息挂账</p></div>'],
    ['display none', '<div style="display:none"><p>停息挂账</p></div>'],
    ['textarea', '<textarea>停息挂账</textarea>'],
  ])('skips %s', (_, html) => {
    expect(texts(`<p>可见文字</p>${html}`).join('\n')).not.toContain('停息挂账');
  });

  it('never reads our banner, even when the page copies its attribute', () => {
    document.body.innerHTML = '<p>普通内容</p><div data-fcs-banner="high"><p>页面自己的停息挂账</p></div>';
    showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, { onDetails() {}, onDismiss() {} });
    const all = extractBlocks([document.documentElement], { isOwnUi: isBannerHost }).map((b) => b.text).join('\n');
    expect(all).toContain('页面自己的停息挂账');
    expect(all).not.toContain('fcs-guard');
  });

  it('caps block text', () => {
    document.body.innerHTML = `<p>${'债务优化'.repeat(3000)}</p>`;
    const [block] = extractBlocks([document.body], { maxChars: 4000 });
    expect(block?.text.length).toBe(4000);
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
  it('stay bounded by the blocks still in the document, and those keep resolving', () => {
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

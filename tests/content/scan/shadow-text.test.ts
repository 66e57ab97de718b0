// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { showBanner, removeBanner } from '../../../src/content/banner/banner';
import { extractBlocks } from '../../../src/content/scan/extract';
import { STRINGS } from '../banner/strings.fixture';

/** Ads built as web components keep their text in (open) shadow roots. */
function nest(depth: number, innermost: string): HTMLElement {
  const outer = document.createElement('ad-frame');
  let host = outer;
  for (let i = 0; i < depth; i++) {
    const root = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = `第${i}层`;
    root.append(p);
    if (i === depth - 1) {
      const ad = document.createElement('p');
      ad.textContent = innermost;
      root.append(ad);
    } else {
      const inner = document.createElement('ad-frame');
      root.append(inner);
      host = inner;
    }
  }
  return outer;
}

describe('extraction into open shadow roots', () => {
  afterEach(() => {
    document.body.replaceChildren();
    removeBanner(document);
  });

  it('reads text in nested open shadow roots', () => {
    document.body.append(nest(5, '停息挂账，不成功全额退费'));
    const texts = extractBlocks([document.body]).map((b) => b.text);
    expect(texts.join('\n')).toContain('停息挂账，不成功全额退费');
  });

  it('finds it when only the host is added (what the observer reports)', () => {
    const host = nest(3, '专业债务优化');
    document.body.append(host);
    expect(extractBlocks([host]).map((b) => b.text).join()).toContain('专业债务优化');
  });

  it('stops at a bounded depth', () => {
    document.body.append(nest(60, '最深处的文字'));
    const blocks = extractBlocks([document.body]);
    expect(blocks.length).toBeLessThanOrEqual(40);
    expect(blocks.map((b) => b.text).join()).not.toContain('最深处的文字');
  });

  it('does not read closed shadow roots, script text, or our own banner', () => {
    const closed = document.createElement('div');
    closed.attachShadow({ mode: 'closed' }).append('闭合的文字');
    const withScript = document.createElement('div');
    const script = document.createElement('script');
    script.textContent = 'var x = "脚本里的字"';
    withScript.attachShadow({ mode: 'open' }).append(script);
    document.body.append(closed, withScript);
    showBanner(document, { level: 'high', titles: ['横幅里的标题'] }, STRINGS, { onDetails() {}, onDismiss() {} });
    const all = extractBlocks([document.documentElement]).map((b) => b.text).join('\n');
    expect(all).not.toContain('闭合的文字');
    expect(all).not.toContain('脚本里的字');
    expect(all).not.toContain('横幅里的标题');
  });
});

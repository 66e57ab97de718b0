// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isDecorative, looksLikeAd } from '../../../src/content/images/candidates';

function imageIn(html: string): HTMLImageElement {
  document.body.innerHTML = html;
  const image = document.querySelector('img');
  if (!image) throw new Error('no img in fixture');
  return image;
}

describe('which images look like ads', () => {
  it.each([
    ['a sponsored label next to it', '<div><span>广告</span><img src="a.png"></div>', true],
    ['推广 label', '<div><span>推广</span><p>了解更多</p><img src="a.png"></div>', true],
    ['a debt word in the caption', '<figure><img src="a.png"><figcaption>网贷逾期怎么办</figcaption></figure>', true],
    ['an ad container class', '<div class="feed ad-slot"><img src="a.png"></div>', true],
    ['an ad container id', '<div id="sponsored-1"><img src="a.png"></div>', true],
    ['an <ins> ad slot', '<ins><img src="a.png"></ins>', true],
    ['a debt word in the alt text', '<img src="a.png" alt="负债上岸">', true],
    ['a cat photo with a caption', '<figure><img src="a.png"><figcaption>阳台上的小猫</figcaption></figure>', false],
    ['"header" is not "ad"', '<div class="header shadow"><img src="a.png"></div>', false],
    ['"loading" is not "ad"', '<div class="loading-spinner"><img src="a.png"></div>', false],
  ])('%s', (_name, html, expected) => {
    expect(looksLikeAd(imageIn(html))).toBe(expected);
  });

  it('does not look past a large block of text for labels', () => {
    const long = '番茄炒蛋'.repeat(100);
    expect(looksLikeAd(imageIn(`<article><p>广告</p><p>${long}</p><div><img src="a.png"></div></article>`))).toBe(false);
  });
});

describe('decorative images are never read', () => {
  it.each([
    ['role=presentation', '<img src="a.png" role="presentation">', true],
    ['role=none', '<img src="a.png" role="none">', true],
    ['inside aria-hidden', '<div aria-hidden="true"><img src="a.png"></div>', true],
    ['an ordinary image', '<img src="a.png" alt="">', false],
  ])('%s', (_name, html, expected) => {
    expect(isDecorative(imageIn(html))).toBe(expected);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pointTowards, showPointer } from '../../../src/content/banner/pointer';

const VIEWPORT = { width: 1366, height: 768 };
const BANNER = { left: 980, top: 70, width: 370, height: 300 };

function line(): HTMLElement {
  const panel = document.createElement('div');
  panel.innerHTML = '<p class="pointer" hidden><span class="arrow"></span><span>红色虚线框里的就是这则广告。</span></p>';
  return panel;
}

describe('the banner points at the outlined ad', () => {
  it.each([
    ['the banner right of the ad', { left: 400, top: 70, width: 560, height: 500 }, '←'],
    ['the banner left of the ad', { left: 1355, top: 70, width: 10, height: 500 }, '→'],
    ['the banner above the ad', { left: 900, top: 500, width: 400, height: 200 }, '↓'],
    ['the banner below the ad', { left: 900, top: 0, width: 400, height: 60 }, '↑'],
    ['scrolled off the top', { left: 400, top: -900, width: 560, height: 300 }, '↑'],
    ['below the fold', { left: 400, top: 900, width: 560, height: 300 }, '↓'],
  ])('%s: %s', (_, blocks, arrow) => {
    const panel = line();
    pointTowards(panel, BANNER, blocks, VIEWPORT);
    expect(panel.querySelector<HTMLElement>('.pointer')?.hidden).toBe(false);
    expect(panel.querySelector('.arrow')?.textContent).toBe(arrow);
  });

  it('says nothing when nothing is outlined (an ad in an image or a frame it cannot see)', () => {
    const panel = line();
    pointTowards(panel, BANNER, undefined, VIEWPORT);
    expect(panel.querySelector<HTMLElement>('.pointer')?.hidden).toBe(true);
  });

  it('shows or hides the line before the banner is measured, and says when that changed its height', () => {
    const panel = line();
    const pointer = () => panel.querySelector<HTMLElement>('.pointer')?.hidden;
    expect(showPointer(panel, { left: 400, top: 70, width: 560, height: 500 })).toBe(true);
    expect(pointer()).toBe(false);
    expect(showPointer(panel, { left: 0, top: 0, width: 10, height: 10 })).toBe(false);
    expect(showPointer(panel, { left: 0, top: 0, width: 0, height: 0 })).toBe(true);
    expect(pointer()).toBe(true);
    expect(showPointer(panel, undefined)).toBe(false);
  });
});

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, pollFor, waitForBanner, type BrowserKind, type PageDriver } from './support/browsers';
import { describeViolations, seriousViolations } from './support/axe';
import { fixtureUrl } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * The banner points at the ad instead of lying over it (issue 18): at 1366 × 768 its box meets
 * no flagged block, nor the ad's form, on every ad fixture; on a 360 × 740 phone it fits, every
 * control can be reached and read; its Chinese has no English in it; axe finds nothing serious.
 * Chromium saves the pictures the README shows (dist/screenshots/, copied to tests/e2e/screenshots/).
 */

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const SCREENSHOTS = join(DIST_DIR, 'screenshots');
const COMMITTED = join('tests', 'e2e', 'screenshots');

/** the ad on each fixture as the reader sees it: the elements that make it up */
const AD_FIXTURES: [string, string][] = [
  ['ad.html', '#ad'],
  ['ad-with-form.html', 'section, form'],
  ['article-with-sidebar-ad.html', '.ad-card'],
  ['traditional-ad.html', 'section.card'],
  ['obfuscated-ad.html', 'section.card'],
  ['model-only-ad.html', '#ad'],
  ['iframe-host.html', 'iframe'],
];

const RECTS = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; })`;
const PANEL = `(() => { const r = root.querySelector('.panel').getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; })()`;
const OUTLINES = `[...root.querySelectorAll('.outline')].filter((o) => !o.hidden).map((o) => { const r = o.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; })`;

const meet = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** everything a reader must be able to use, each with whether a click at its middle reaches it */
const CONTROLS = `[...root.querySelectorAll('.panel button:not(.decide button), .panel a')].map((el) => {
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  return { what: el.dataset.action || el.getAttribute('href'), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
    reachable: document.elementFromPoint(x, y) === host, fontSize: parseFloat(getComputedStyle(el).fontSize) };
})`;

/**
 * Latin words in the banner's own text (the ad's words it quotes are the page's, not ours):
 * the product's name, QQ (the service's name in Chinese too) and a web address are not English.
 */
const ENGLISH_WORDS = `(() => {
  const texts = [];
  const walker = document.createTreeWalker(root.querySelector('.panel'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement.closest('q')) texts.push(node.data);
  const labels = [...root.querySelectorAll('[aria-label], [title]')].map((el) => (el.getAttribute('aria-label') || '') + ' ' + (el.getAttribute('title') || ''));
  return (texts.join(' ') + ' ' + labels.join(' '))
    .replace(/fcs-guard/g, ' ').replace(/\\b[\\w.-]+\\.(cn|com)\\b/g, ' ').replace(/\\bQQ\\b/g, ' ')
    .match(/[A-Za-z]{2,}/g) || [];
})()`;

describe.each<BrowserKind>(['chromium', 'firefox'])('the banner’s place and size in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  async function visit(fixture: string, width: number, height: number): Promise<PageDriver> {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, fixture));
    e2e.tabs.push(tab);
    await tab.setViewport(width, height);
    await waitForBanner(tab);
    return tab;
  }

  /** waits until the banner settles where it meets none of `ads` (and no outline); fails with what it last saw */
  async function expectClear(tab: PageDriver, selector: string, what: string): Promise<void> {
    let last = '';
    await pollFor(what, 5_000, async () => {
      const panel = await tab.inOwnUi<Rect>('banner', PANEL);
      const outlines = (await tab.inOwnUi<Rect[]>('overlay', OUTLINES)) ?? [];
      const ads = await tab.evaluate<Rect[]>(RECTS(selector));
      last = JSON.stringify({ panel, ads, outlines });
      if (!panel || ads.length === 0) return undefined;
      return [...ads, ...outlines].every((box) => !meet(panel, box)) ? true : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${last}`);
    });
  }

  it.each(AD_FIXTURES)('at 1366 × 768 it covers none of the ad on %s', async (fixture, ad) => {
    const tab = await visit(fixture, 1366, 768);
    await expectClear(tab, ad, `the banner clear of ${ad}`);
    if (kind === 'chromium' && fixture === 'ad.html') await save(tab, 'banner-1366x768.png');
  });

  it('when “details” brings an ad from far down the page into view, the banner moves off it', async () => {
    const tab = await visit('long-page-ad.html', 1366, 768);
    const details = await e2e.session.openDetails(tab);
    e2e.tabs.push(details);
    await tab.bringToFront();
    await pollFor('the ad in view', 5_000, async () =>
      (await tab.evaluate<boolean>(`(() => { const r = document.querySelector('aside').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()`)) ? true : undefined,
    );
    await expectClear(tab, 'aside', 'the banner clear of the ad brought into view');
  });

  it('at 360 × 740 (a phone) it fits, every control is whole, on top and at least 16 px, and nothing scrolls sideways', async () => {
    const tab = await visit('ad.html', 360, 740);
    await pollFor('the banner laid out for the phone', 5_000, async () => {
      const panel = await tab.inOwnUi<Rect>('banner', PANEL);
      return panel && panel.width <= 360 && panel.left >= 0 ? true : undefined;
    });
    const panel = (await tab.inOwnUi<Rect>('banner', PANEL)) as Rect;
    expect(panel.left + panel.width).toBeLessThanOrEqual(360);
    expect(panel.top + panel.height).toBeLessThanOrEqual(740);
    const controls = (await tab.inOwnUi<{ what: string; left: number; right: number; top: number; bottom: number; reachable: boolean; fontSize: number }[]>('banner', CONTROLS)) ?? [];
    expect(controls.map((c) => c.what)).toEqual(expect.arrayContaining(['details', 'dismiss', 'not-scam', 'tel:12378', 'tel:12315', 'tel:110']));
    for (const c of controls) {
      expect(c.left >= 0 && c.right <= 360 && c.top >= 0 && c.bottom <= 740, `${c.what} on screen: ${JSON.stringify(c)}`).toBe(true);
      expect(c.reachable, `${c.what} takes a tap`).toBe(true);
      expect(c.fontSize, `${c.what} is readable`).toBeGreaterThanOrEqual(16);
    }
    expect(await tab.evaluate<boolean>(`document.documentElement.scrollWidth <= document.documentElement.clientWidth`)).toBe(true);
    const violations = await seriousViolations(tab, { ownUi: 'banner' });
    expect(violations, describeViolations(violations)).toEqual([]);
    if (kind === 'chromium') await save(tab, 'banner-360x740.png');
    // a tap on "details" opens the details view
    const details = await e2e.session.openDetails(tab);
    e2e.tabs.push(details);
  });

  it('its Chinese has no English word in it, in normal and in plain words', async () => {
    const tab = await visit('ad.html', 1366, 768);
    // an extension page to change the settings from; Firefox runs in English here (tests/e2e/README.md),
    // so fcs-guard's own language setting makes it Chinese
    const details = await e2e.session.openDetails(tab);
    e2e.tabs.push(details);
    const setSettings = (change: string) =>
      details.evaluate(`(globalThis.browser ?? chrome).storage.local.get('settings').then((s) => (globalThis.browser ?? chrome).storage.local.set({ settings: { ...(s.settings || {}), ${change} } }))`);
    await setSettings(`language: 'zh_CN'`);
    await tab.bringToFront();
    try {
      await pollFor('the banner in Chinese', 10_000, async () => ((await tab.inOwnUi<string>('banner', `root.querySelector('.panel').lang`)) === 'zh-CN' ? true : undefined));
      await tab.clickInOwnUi('banner', '[data-action="not-scam"]');
      expect(await tab.inOwnUi<string[]>('banner', ENGLISH_WORDS)).toEqual([]);
      await setSettings('largeText: true');
      await pollFor('the banner in plain words', 10_000, async () => ((await tab.inOwnUi<boolean>('banner', `root.querySelector('.panel').classList.contains('plain')`)) ? true : undefined));
      expect(await tab.inOwnUi<string[]>('banner', ENGLISH_WORDS)).toEqual([]);
      // the control: the same scan finds the English of English text
      const english = ENGLISH_WORDS.replace("root.querySelector('.panel')", "(() => { const p = document.createElement('p'); p.textContent = 'Details Dismiss'; return p; })()");
      expect(await tab.inOwnUi<string[]>('banner', english)).toEqual(['Details', 'Dismiss']);
    } finally {
      await setSettings(`language: 'auto', largeText: false`);
    }
  });

  async function save(tab: PageDriver, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(COMMITTED, { recursive: true });
    await tab.screenshot(join(SCREENSHOTS, name));
    if (process.env.FCS_UPDATE_SCREENSHOTS === '1') copyFileSync(join(SCREENSHOTS, name), join(COMMITTED, name));
  }
});

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollFor, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { expectAccessible } from './support/axe';
import { englishWordsIn, fontSizes, OPEN_ALL_DETAILS } from './support/page-text';
import { fixtureUrl } from './support/fixtures';
import { openOptionsFrom, useExtensionSession } from './support/session';

/** committed and linked from the README: the popup as its users meet it */
const SCREENSHOTS = resolve('tests/e2e/screenshots');
/** the toolbar popup's size in Chrome and Firefox */
const POPUP = { width: 420, height: 510 };
/** a phone, where Firefox for Android opens the popup as a page */
const PHONE = { width: 360, height: 740 };

/** the box of the first visible element for each selector, in the viewport */
const BOXES = (selectors: string[]) => `(() => Object.fromEntries(${JSON.stringify(selectors)}.map((s) => {
  const el = [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0);
  const box = el?.getBoundingClientRect();
  return [s, box ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right } : null];
})))()`;

/** the controls a reader can see that stick out of the viewport's width */
const CONTROLS_OUTSIDE = (width: number) => `(() => [...document.querySelectorAll('button, a, summary, input, textarea')]
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => ({ id: el.dataset.testid || el.id || el.tagName, box: el.getBoundingClientRect() }))
  .filter(({ box }) => box.right > ${width} + 0.5 || box.left < -0.5)
  .map(({ id, box }) => id + ' ' + Math.round(box.left) + '–' + Math.round(box.right)))()`;

/**
 * The extension pages as the person they protect meets them: text of a readable size (Chrome
 * puts body { font-size: 75% } into extension pages), the answer on the popup's first screen,
 * a calm clean page, a phone's width, and a Chinese UI with no English in it. Screenshots at
 * the popup's real size go to tests/e2e/screenshots/.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('pages made to be read, in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);
  const visit = async (fixture: string) => track(await e2e.session.open(fixtureUrl(e2e.server, fixture)));

  async function shoot(page: PageDriver, name: string, fullPage = false): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot(join(SCREENSHOTS, `${name}-${kind}.png`), { fullPage });
  }

  /** `via`: an extension page already open, for a tab without a banner (Firefox opens extension pages only from one) */
  async function popupFor(fixture: string, warned = true, via?: PageDriver): Promise<{ tab: PageDriver; popup: PageDriver }> {
    const tab = await visit(fixture);
    if (warned) await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab, via));
    await waitForVerdict(popup, (v) => (warned ? v.level === 'medium' || v.level === 'high' : v.level === 'none'));
    await popup.setViewport(POPUP.width, POPUP.height);
    return { tab, popup };
  }

  /** clicks a checkbox or radio in the options page and waits until the popup follows */
  async function choose(options: PageDriver, selector: string, popup: PageDriver, followed: string): Promise<void> {
    if (!(await options.evaluate<boolean>(`document.querySelector('${selector}').checked`))) await options.click(selector);
    await pollFor(`the popup to follow ${selector}`, 10_000, async () => ((await popup.evaluate<boolean>(followed)) ? true : undefined));
  }

  it('the popup at 420 × 510: 16 px text, headings larger, and the first screen shows the verdict and one explained lure', async () => {
    const { popup } = await popupFor('ad.html');
    const sizes = await fontSizes(popup);
    expect(sizes.body).toBeGreaterThanOrEqual(16);
    expect(sizes.smallestText).toBeGreaterThanOrEqual(16);
    for (const [tag, size] of Object.entries(sizes.headings)) expect(size, tag).toBeGreaterThan(sizes.body);
    expect(await popup.evaluate<number>('window.scrollY')).toBe(0);
    const boxes = await popup.evaluate<Record<string, { top: number; bottom: number } | null>>(
      BOXES(['[data-testid="verdict"]', '[data-testid="likelihood"]', '.top [data-testid="lure"] h3', '.top .own-words', '.top .means', '.top .todo']),
    );
    for (const [what, box] of Object.entries(boxes)) {
      expect(box, `${what} is shown`).not.toBeNull();
      expect(box?.top ?? -1, `${what} is on the first screen`).toBeGreaterThanOrEqual(0);
      expect(box?.bottom ?? Infinity, `${what} is on the first screen`).toBeLessThanOrEqual(POPUP.height);
    }
    // the choices about allowing are not on it: one quiet, closed disclosure at the end
    const notScam = await popup.evaluate<Record<string, { top: number } | null>>(BOXES(['[data-testid="not-scam"] summary']));
    expect(notScam['[data-testid="not-scam"] summary']?.top ?? 0).toBeGreaterThan(POPUP.height);
    expect(await popup.evaluate<boolean>(`document.querySelector('[data-testid="not-scam"]').open`)).toBe(false);
    expect(await popup.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(POPUP.width);
    await shoot(popup, 'popup');
  });

  it('large text and plain words: 20 px text, the verdict and the first lure’s words and plain sentences on the first screen', async () => {
    const { popup } = await popupFor('ad.html');
    const options = await openOptionsFrom(e2e, popup);
    try {
      await choose(options, '[data-testid="large-text"]', popup, `document.body.classList.contains('large') && document.querySelectorAll('[data-testid="plain-explain"]').length > 0`);
      for (const page of [popup, options]) {
        // each page restyles itself when the stored setting reaches it: wait for that, then measure
        const sizes = await pollFor(`large text in ${page.url()}`, 5_000, async () => {
          const now = await fontSizes(page);
          return now.body >= 20 ? now : undefined;
        }).catch(() => fontSizes(page));
        expect(sizes.body, page.url()).toBeGreaterThanOrEqual(20);
        expect(sizes.smallestText, page.url()).toBeGreaterThanOrEqual(20);
        for (const [tag, size] of Object.entries(sizes.headings)) expect(size, `${tag} in ${page.url()}`).toBeGreaterThan(sizes.body);
      }
      // the link to the options page scrolled the popup down: the first screen is the top again
      expect(await popup.evaluate<number>(`(() => { window.scrollTo(0, 0); return window.scrollY; })()`)).toBe(0);
      const boxes = await popup.evaluate<Record<string, { top: number; bottom: number } | null>>(
        BOXES(['[data-testid="verdict"]', '.top .own-words', '.top [data-testid="plain-explain"]']),
      );
      for (const [what, box] of Object.entries(boxes)) {
        expect(box?.top ?? -1, `${what} is on the first screen`).toBeGreaterThanOrEqual(0);
        expect(box?.bottom ?? Infinity, `${what} is on the first screen`).toBeLessThanOrEqual(POPUP.height);
      }
      await shoot(popup, 'popup-large');
    } finally {
      if (await options.evaluate<boolean>(`document.querySelector('[data-testid="large-text"]').checked`)) await options.click('[data-testid="large-text"]');
    }
  });

  it('a clean page: a calm “nothing found” and 检查此页, nothing about allowing, saving or calling', async () => {
    const ad = await popupFor('ad.html');
    const { popup } = await popupFor('ordinary.html', false, ad.popup);
    const visible = (selector: string) => popup.evaluate<boolean>(`[...document.querySelectorAll('${selector}')].some((e) => e.getClientRects().length > 0)`);
    expect(await visible('[data-testid="check-page"]')).toBe(true);
    expect(await visible('[data-testid="calm"]')).toBe(true);
    for (const part of ['[data-testid="decisions"]', '[data-testid="save-evidence"]', '.channels', '[data-testid="lures"]']) expect(await visible(part), part).toBe(false);
    await expectAccessible(popup, 'the popup on a clean page');
    await shoot(popup, 'popup-clean');
  });

  it('a phone’s width (360 px): nothing sticks out, the answer still comes first', async () => {
    const { popup } = await popupFor('ad.html');
    await popup.setViewport(PHONE.width, PHONE.height);
    await popup.evaluate(OPEN_ALL_DETAILS);
    await popup.click('[data-testid="report"]');
    expect(await popup.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await popup.evaluate<string[]>(CONTROLS_OUTSIDE(PHONE.width))).toEqual([]);
    await popup.evaluate(`(() => { window.scrollTo(0, 0); return true; })()`);
    const first = await popup.evaluate<Record<string, { top: number; bottom: number } | null>>(BOXES(['[data-testid="verdict"]', '.top .todo']));
    for (const [what, box] of Object.entries(first)) {
      expect(box?.top ?? -1, what).toBeGreaterThanOrEqual(0);
      expect(box?.bottom ?? Infinity, what).toBeLessThanOrEqual(PHONE.height);
    }
    await expectAccessible(popup, 'the popup at a phone’s width, every disclosure open');
  });

  it('the options page: 16 px text and headings larger; the large-text switch first', async () => {
    const { popup } = await popupFor('ad.html');
    const options = await openOptionsFrom(e2e, popup);
    const sizes = await fontSizes(options);
    expect(sizes.body).toBeGreaterThanOrEqual(16);
    expect(sizes.smallestText).toBeGreaterThanOrEqual(16);
    expect(sizes.headings.h1).toBeGreaterThan(sizes.headings.h2 ?? 0);
    expect(sizes.headings.h2).toBeGreaterThan(sizes.body);
    const order = await options.evaluate<string[]>(`[...document.querySelectorAll('main input')].slice(0, 2).map((i) => i.dataset.testid)`);
    expect(order[0]).toBe('large-text');
    await options.setViewport(POPUP.width * 2, 900);
    await shoot(options, 'options', true);
  });

  it('Chinese UI: no English word in the popup (every disclosure open) or the options page', async () => {
    const { popup } = await popupFor('ad.html');
    const options = await openOptionsFrom(e2e, popup);
    try {
      await choose(options, '[data-testid="language-zh_CN"]', popup, `document.documentElement.lang === 'zh-CN'`);
      await popup.evaluate(OPEN_ALL_DETAILS);
      await popup.click('[data-testid="report"]');
      await pollFor('the report text', 5_000, async () =>
        (await popup.evaluate<string>(`document.querySelector('[data-testid="report-text"]').value`)) ? true : undefined,
      );
      expect(await englishWordsIn(popup), 'popup').toEqual([]);
      expect(await englishWordsIn(options), 'options').toEqual([]);
      const clean = await popupFor('ordinary.html', false, popup);
      expect(await englishWordsIn(clean.popup), 'popup on a clean page').toEqual([]);
    } finally {
      await options.click('[data-testid="language-auto"]');
    }
  });
});

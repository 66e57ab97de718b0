import { describe, expect, it } from 'vitest';
import {
  pollFor,
  waitForBanner,
  waitForVerdict,
  type BrowserKind,
  type PageDriver,
} from './support/browsers';
import { MAX_RESTORATIONS } from '../../src/content/banner/guard';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * Hostile pages: a page cannot hide, move, fake or silence the banner, and page text that
 * looks like markup never runs in the banner or the popup. Pages in tests/e2e/fixtures/hostile-*.
 */

/** Our banner, told apart from a page's fake by what only ours has: the hotlines in a shadow root. */
const OUR_BANNER = `[...document.documentElement.children].find((el) => el.shadowRoot && el.shadowRoot.querySelector('a[href="tel:12378"]'))`;

interface BannerLook {
  parentIsHtml: boolean;
  level: string | null;
  display: string;
  visibility: string;
  opacity: string;
  /** what the page sees at the middle of the banner's box */
  onTop: boolean;
  width: number;
  height: number;
  topLayer: boolean;
}

const LOOK = `(() => {
  const host = ${OUR_BANNER};
  if (!host) return null;
  const style = getComputedStyle(host);
  const box = host.getBoundingClientRect();
  const inner = host.shadowRoot.querySelector('.banner').getBoundingClientRect();
  const hit = document.elementFromPoint(inner.left + inner.width / 2, inner.top + Math.min(inner.height / 2, 20));
  let topLayer = false;
  try { topLayer = host.matches(':popover-open'); } catch {}
  return {
    parentIsHtml: host.parentNode === document.documentElement,
    level: host.getAttribute('data-fcs-banner'),
    display: style.display, visibility: style.visibility, opacity: style.opacity,
    onTop: hit === host, width: box.width, height: box.height, topLayer,
  };
})()`;

async function lookAtBanner(tab: PageDriver, accept: (look: BannerLook) => boolean = () => true, timeoutMs = 10_000): Promise<BannerLook> {
  let last: BannerLook | null = null;
  try {
    return await pollFor('our banner', timeoutMs, async () => {
      last = await tab.evaluate<BannerLook | null>(LOOK);
      return last && accept(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

const shown = (look: BannerLook) =>
  look.parentIsHtml && look.display === 'block' && look.visibility === 'visible' && look.opacity === '1' && look.onTop && look.height > 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each<BrowserKind>(['chromium', 'firefox'])('a hostile page in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  async function visit(fixture: string, query = ''): Promise<PageDriver> {
    const tab = await e2e.session.open(`${fixtureUrl(e2e.server, fixture)}${query}`);
    e2e.tabs.push(tab);
    return tab;
  }

  it('cannot hide the banner with CSS or cover it with a full-screen overlay at max z-index', async () => {
    const tab = await visit('hostile-css.html');
    const look = await lookAtBanner(tab, shown);
    expect(look.topLayer, 'the banner is in the top layer').toBe(true);
    // the page's cover did get moved above a z-index banner: it is there, and still loses
    expect(await tab.evaluate<boolean>(`document.documentElement.lastElementChild.id === 'cover'`)).toBe(true);
  });

  it('messages, events, forged clicks and attribute edits from the page neither hide it nor allow the site', async () => {
    const tab = await visit('hostile-script.html');
    await pollFor('the page to attack the banner', 10_000, async () =>
      (await tab.evaluate<number>('window.__hostile.removals')) >= 1 ? true : undefined,
    );
    const attack = await tab.evaluate<{ clicks: string[]; hostsSeen: number }>('window.__hostile');
    expect(attack.clicks, 'the page reached our buttons').toContain('dismiss');
    // restyled, re-levelled, removed: back, whole, on top
    const look = await lookAtBanner(tab, shown);
    expect(WARNING_LEVELS).toContain(look.level);
    // the fake stays the page's own: ours is a separate element
    expect(await tab.evaluate<string>(`document.getElementById('fake').getAttribute('data-fcs-banner')`)).toBe('none');

    // the forged "not a scam, always, for this site" clicks did not stick: a reload warns again
    await tab.goto(tab.url());
    await lookAtBanner(tab, shown);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    const verdict = await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    expect(WARNING_LEVELS).toContain(verdict.level);
  });

  it(`a page that removes it every time gets at most ${MAX_RESTORATIONS} restorations, and keeps running`, async () => {
    const tab = await visit('hostile-script.html', '&mode=fight');
    await pollFor('the page to remove the banner', 10_000, async () =>
      (await tab.evaluate<number>('window.__hostile.fights')) >= 1 ? true : undefined,
    );
    const ticksBefore = await tab.evaluate<number>('window.__hostile.ticks');
    await sleep(2_000);
    const after = await tab.evaluate<{ fights: number; ticks: number }>('window.__hostile');
    // first show + MAX_RESTORATIONS repairs (+1 if the background re-sends the banner meanwhile)
    expect(after.fights).toBeGreaterThanOrEqual(1 + MAX_RESTORATIONS);
    expect(after.fights).toBeLessThanOrEqual(2 + MAX_RESTORATIONS);
    // a 50 ms heartbeat over 2 s: about 40 ticks if nothing hogs the thread
    expect(after.ticks - ticksBefore).toBeGreaterThan(15);
  });

  it('page text that looks like markup is shown as text in the banner and the popup, and never runs', async () => {
    const tab = await visit('markup-in-text.html');
    await waitForBanner(tab);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    await sleep(500);
    const verdict = await waitForVerdict(popup);
    expect(verdict.text, 'the snippets quote the markup as text').toMatch(/<(img|script|a|svg|iframe)/);
    for (const [where, page] of [['page', tab], ['popup', popup]] as const) {
      const probe = await page.evaluate<{ pwned: unknown; title: string; injected: number }>(`({
        pwned: window.__pwned ?? null,
        title: document.title,
        injected: document.querySelectorAll('main img, main svg, main iframe, main script, a[href^="javascript:"], [onerror], [onload]').length
          + [...document.documentElement.children].reduce((n, el) => n + (el.shadowRoot
            ? el.shadowRoot.querySelectorAll('img, svg, iframe, script, a[href^="javascript:"], [onerror], [onload]').length : 0), 0),
      })`);
      expect(probe.pwned, `nothing ran in the ${where}`).toBeNull();
      expect(probe.title).not.toBe('pwned');
      expect(probe.injected, `no element made from page text in the ${where}`).toBe(0);
    }
  });
});

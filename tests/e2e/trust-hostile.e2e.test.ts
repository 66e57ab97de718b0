import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { pollFor, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { MAX_RESTORATIONS } from '../../src/content/banner/guard';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { PAGE_SEES_ROOT } from './support/own-ui';
import { useExtensionSession } from './support/session';

/**
 * Hostile pages: a page can neither reach into the warning nor hide, move, fake, cover or
 * silence it; when it tries, fcs-guard warns in a window of its own; page text that looks like
 * markup never runs in the banner or the popup; a page finds nothing fixed to detect fcs-guard
 * by. Pages in tests/e2e/fixtures/hostile-*.
 */

interface BannerLook {
  parentIsHtml: boolean;
  level: string | null;
  display: string;
  visibility: string;
  opacity: string;
  /** what the page sees at the banner's place */
  onTop: boolean;
  height: number;
  topLayer: boolean;
  pageSeesRoot: boolean;
}

/** how the banner looks to the reader, read through the test's handle on its closed shadow root */
const LOOK = `(() => {
  const style = getComputedStyle(host);
  const inner = root.querySelector('.panel').getBoundingClientRect();
  const hit = document.elementFromPoint(inner.left + inner.width / 2, inner.top + Math.min(inner.height / 2, 20));
  let topLayer = false;
  try { topLayer = host.matches(':popover-open'); } catch {}
  return {
    parentIsHtml: host.parentNode === document.documentElement,
    level: root.querySelector('.panel').getAttribute('data-level'),
    display: style.display, visibility: style.visibility, opacity: style.opacity,
    onTop: hit === host, height: inner.height, topLayer, pageSeesRoot: ${PAGE_SEES_ROOT},
  };
})()`;

async function lookAtBanner(tab: PageDriver, accept: (look: BannerLook) => boolean = () => true, timeoutMs = 10_000): Promise<BannerLook> {
  let last: BannerLook | null = null;
  try {
    return await pollFor('our banner', timeoutMs, async () => {
      last = await tab.inOwnUi<BannerLook>('banner', LOOK);
      return last && accept(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

const shown = (look: BannerLook) =>
  look.parentIsHtml && look.display === 'block' && look.visibility === 'visible' && look.opacity === '1' && look.onTop && look.height > 20;

/** what the tab's verdict says the page did to the warning, asked from the extension page that warned */
const TAMPERED = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const tabId = Number(new URL(location.href).searchParams.get('tabId'));
  const verdict = await api.runtime.sendMessage({ type: 'tab/getVerdict', tabId });
  return { level: verdict.level, kinds: verdict.tampered ? verdict.tampered.kinds : [] };
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** the colour the reader sees at a point of the viewport (CSS px), from a screenshot */
async function pixelAt(tab: PageDriver, x: number, y: number): Promise<[number, number, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'fcs-pixel-'));
  try {
    const path = join(dir, 'shot.png');
    await tab.screenshot(path);
    const png = PNG.sync.read(readFileSync(path));
    const scale = png.width / (await tab.evaluate<number>('innerWidth'));
    const i = (Math.round(y * scale) * png.width + Math.round(x * scale)) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each<BrowserKind>(['chromium', 'firefox'])('a hostile page in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  async function visit(fixture: string, query = ''): Promise<PageDriver> {
    const tab = await e2e.session.open(`${fixtureUrl(e2e.server, fixture)}${query}`);
    e2e.tabs.push(tab);
    return tab;
  }

  /** opens the page and returns it with the window fcs-guard opens because the page took the warning away */
  async function visitAndExpectWarningWindow(fixture: string, query: string): Promise<{ tab: PageDriver; warning: PageDriver }> {
    const { during: tab, page: warning } = await e2e.session.extensionPageOpenedDuring(() => visit(fixture, query));
    e2e.tabs.push(warning);
    return { tab, warning };
  }

  async function tamperedKinds(warning: PageDriver, expected: string): Promise<{ level: string; kinds: string[] }> {
    return pollFor(`the verdict to record "${expected}"`, 10_000, async () => {
      const seen = await warning.evaluate<{ level: string; kinds: string[] }>(TAMPERED);
      return seen.kinds.includes(expected) ? seen : undefined;
    });
  }

  it('cannot hide the banner with CSS or cover it with a full-screen overlay at max z-index', async () => {
    const tab = await visit('hostile-css.html');
    const look = await lookAtBanner(tab, shown);
    expect(look.topLayer, 'the banner is in the top layer').toBe(true);
    // the page's cover did get moved above a z-index banner: it is there, and still loses
    expect(await tab.evaluate<boolean>(`document.documentElement.lastElementChild.id === 'cover'`)).toBe(true);
  });

  it('cannot reach into it; forged messages, events, clicks and attribute edits neither hide it nor allow the site; its tampering brings a window of our own', async () => {
    const { tab, warning } = await visitAndExpectWarningWindow('hostile-script.html', '');
    await pollFor('the page to attack the banner', 10_000, async () =>
      (await tab.evaluate<number>('window.__hostile.removals')) >= 1 ? true : undefined,
    );
    const attack = await tab.evaluate<{ clicks: string[]; hostsSeen: number; rootsReached: number }>('window.__hostile');
    expect(attack.hostsSeen, 'the page found the host (it is in its DOM)').toBe(1);
    expect(attack.rootsReached, 'but not the shadow root').toBe(0);
    expect(attack.clicks.length, 'its synthetic clicks landed on the banner').toBeGreaterThan(0);
    // restyled, re-levelled, removed: back, whole, on top
    const look = await lookAtBanner(tab, shown);
    expect(look.pageSeesRoot).toBe(false);
    expect(WARNING_LEVELS).toContain(look.level);
    // the fake stays the page's own: ours is a separate element
    expect(await tab.evaluate<string>(`document.getElementById('fake').getAttribute('data-fcs-banner')`)).toBe('none');

    // the window says why it opened: the tab's verdict records what the page did
    const tampered = await tamperedKinds(warning, 'removed');
    expect(tampered.kinds).toContain('restyled');
    expect(WARNING_LEVELS).toContain(tampered.level);
    expect(await warning.evaluate<string>('location.href')).toMatch(/^(chrome|moz)-extension:\/\/.*tabId=\d+/);

    // the forged "not a scam, always, for this site" clicks did not stick: a reload warns again
    await tab.goto(tab.url());
    await lookAtBanner(tab, shown);
    const popup = await e2e.session.openPopupFor(tab, warning);
    e2e.tabs.push(popup);
    const verdict = await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    expect(WARNING_LEVELS).toContain(verdict.level);
  });

  it(`a page that removes it every time gets at most ${MAX_RESTORATIONS} restorations, keeps running, and the reader is warned in a window of our own`, async () => {
    const { tab, warning } = await visitAndExpectWarningWindow('hostile-script.html', '&mode=fight');
    await pollFor('the page to remove the banner', 10_000, async () =>
      (await tab.evaluate<number>('window.__hostile.fights')) >= 1 ? true : undefined,
    );
    const ticksBefore = await tab.evaluate<number>('window.__hostile.ticks');
    await sleep(2_000);
    const after = await tab.evaluate<{ fights: number; ticks: number }>('window.__hostile');
    // first show + MAX_RESTORATIONS repairs
    expect(after.fights).toBeGreaterThanOrEqual(1 + MAX_RESTORATIONS);
    expect(after.fights).toBeLessThanOrEqual(1 + MAX_RESTORATIONS);
    // a 50 ms heartbeat over 2 s: about 40 ticks if nothing hogs the thread
    expect(after.ticks - ticksBefore).toBeGreaterThan(15);
    expect((await tamperedKinds(warning, 'removed')).kinds).toEqual(['removed']);
    // the window says so in words, where the page cannot reach
    await pollFor('the warning window to say the page hid the warning', 5_000, async () =>
      (await warning.evaluate<boolean>(`document.querySelector('[data-testid="tampered"]')?.hidden === false && document.querySelector('[data-testid="tampered"]').textContent.length > 0`)) ? true : undefined,
    );
  });

  it('stylesheets of the page, adopted over everything it can name, do not hide it; its own sheets are out of reach', async () => {
    const tab = await visit('hostile-silence.html', '&mode=sheets');
    await pollFor('the page to adopt its sheets', 10_000, async () => ((await tab.evaluate<number>('document.adoptedStyleSheets.length')) > 1 ? true : undefined));
    await lookAtBanner(tab, shown);
    expect(await tab.evaluate<number>('window.__silence.rootsReached')).toBe(0);
  });

  it('a modal dialog the page opens over everything once does not hide it: the banner is raised above, and it is not taken for tampering', async () => {
    const tab = await visit('hostile-silence.html', '&mode=dialog');
    await pollFor('the page to open its dialog', 10_000, async () => ((await tab.evaluate<boolean>(`document.getElementById('dialog').open`)) ? true : undefined));
    // a modal dialog makes the rest of the page inert, and hit tests pass through inert elements:
    // what the reader sees is judged by the pixels, the banner's own background against the dialog's blue
    const look = await lookAtBanner(tab, (l) => l.topLayer && l.display === 'block');
    const at = (await tab.inOwnUi<{ x: number; y: number }>('banner', `(() => { const r = root.querySelector('.panel').getBoundingClientRect(); return { x: r.left + 8, y: r.top + r.height / 2 }; })()`)) as { x: number; y: number };
    const pixel = await pollFor('the banner’s own colours on top', 5_000, async () => {
      const [r, g, b] = await pixelAt(tab, at.x, at.y);
      return r > 240 && g > 240 && b > 240 ? [r, g, b] : undefined;
    });
    expect(pixel, JSON.stringify(look)).toBeDefined();
    expect(await tab.evaluate<boolean>(`document.getElementById('dialog').open`), 'the page’s dialog is left open').toBe(true);
    // one dialog is what innocent pages do too: the verdict records no tampering
    await tab.evaluate(`document.getElementById('dialog').close()`);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    expect((await popup.evaluate<{ kinds: string[] }>(TAMPERED)).kinds).toEqual([]);
  });

  it('a page that keeps covering it with its own popover is warned about in a window of our own, and keeps running', async () => {
    const { tab, warning } = await visitAndExpectWarningWindow('hostile-silence.html', '&mode=recover');
    expect((await tamperedKinds(warning, 'covered')).kinds).toContain('covered');
    const ticksBefore = await tab.evaluate<number>('window.__silence.ticks');
    await sleep(2_000);
    expect((await tab.evaluate<number>('window.__silence.ticks')) - ticksBefore).toBeGreaterThan(15);
  });

  it('highlights the page takes away come back', async () => {
    const tab = await visit('hostile-silence.html', '&mode=highlights');
    await pollFor('the page to clear the highlights', 10_000, async () => ((await tab.evaluate<number>('window.__silence.cleared')) > 0 ? true : undefined));
    await pollFor('the highlight back', 5_000, async () => ((await tab.evaluate<number>('CSS.highlights.size')) > 0 ? true : undefined));
  });

  it('a page that sees the warning finds nothing fixed to know fcs-guard by', async () => {
    interface Marks {
      tags: string[];
      attributes: string[];
      highlightNames: string[];
      sheetText: string;
    }
    const MARKS = `(() => {
      const ours = [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);
      return {
        tags: ours.map((el) => el.localName),
        attributes: ours.flatMap((el) => el.getAttributeNames().map((name) => name + '=' + (name === 'style' ? '' : el.getAttribute(name)))),
        highlightNames: [...CSS.highlights.keys()],
        sheetText: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(' '),
      };
    })()`;
    const loads: Marks[] = [];
    for (let i = 0; i < 2; i++) {
      const tab = await visit('ad.html');
      await waitForBanner(tab);
      loads.push(await pollFor('the highlight', 5_000, async () => {
        const marks = await tab.evaluate<Marks>(MARKS);
        return marks.highlightNames.length > 0 ? marks : undefined;
      }));
      expect(await tab.inOwnUi<boolean>('banner', PAGE_SEES_ROOT)).toBe(false);
    }
    const [first, second] = loads as [Marks, Marks];
    expect(first.tags).toHaveLength(1);
    expect(second.tags[0], 'no tag name to look for').not.toBe(first.tags[0]);
    expect(second.highlightNames[0], 'no highlight name to look for').not.toBe(first.highlightNames[0]);
    for (const marks of loads) {
      expect(marks.attributes.map((a) => a.split('=')[0]).sort(), 'no attribute but its style and the top layer’s').toEqual(['popover', 'style']);
      expect(JSON.stringify(marks).toLowerCase()).not.toMatch(/fcs|guard/);
    }
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
    const MADE = `img, svg, iframe, script, a[href^="javascript:"], [onerror], [onload]`;
    const inBanner = await tab.inOwnUi<number>('banner', `root.querySelectorAll(${JSON.stringify(MADE)}).length`);
    expect(inBanner, 'no element made from page text in the banner').toBe(0);
    for (const [where, page] of [['page', tab], ['popup', popup]] as const) {
      const probe = await page.evaluate<{ pwned: unknown; title: string; injected: number }>(`({
        pwned: window.__pwned ?? null,
        title: document.title,
        injected: document.querySelectorAll('main img, main svg, main iframe, main script, a[href^="javascript:"], [onerror], [onload]').length,
      })`);
      expect(probe.pwned, `nothing ran in the ${where}`).toBeNull();
      expect(probe.title).not.toBe('pwned');
      expect(probe.injected, `no element made from page text in the ${where}`).toBe(0);
    }
  });
});

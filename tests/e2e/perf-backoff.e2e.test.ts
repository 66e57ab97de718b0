import { describe, expect, it } from 'vitest';
import { pollFor, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * A page that never stops changing is backed off, not chased, and the popup
 * says so. `fixtures/live-ticker.html` adds about 1,000 nodes a second and counts them itself;
 * `pathological.html?load=mutations` is the same load without anything to report.
 *
 * The back-off is counted from the extension's side, not the page's: an extension page listens
 * to the `scan/report` messages the content script sends (runtime messages reach every
 * extension page), and each scan of new ticker items sends one. Nothing is added to the page.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PAUSED = '[data-testid="scan-paused"]';

/** the observer's normal delay between scans of changes (src/content/scan/observe.ts DEBOUNCE_MS) */
const NORMAL_DELAY_MS = 400;
const WINDOW_MS = 12_000;

const COUNT_REPORTS = `(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  globalThis.__fcsReports = [];
  api.runtime.onMessage.addListener((message, sender) => {
    if (message && message.type === 'scan/report') {
      globalThis.__fcsReports.push({ url: sender.url ?? '', throttled: message.throttled, blocks: message.blocks.length });
    }
  });
  return true;
})()`;

interface SeenReport {
  url: string;
  throttled?: boolean;
  blocks: number;
}

async function pausedLine(popup: PageDriver): Promise<{ hidden: boolean; text: string } | null> {
  return popup.evaluate(`(() => {
    const line = document.querySelector('${PAUSED}');
    return line && { hidden: line.hidden, text: line.textContent };
  })()`);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('backing off a page that never stops changing, in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  const track = (tab: PageDriver) => (e2e.tabs.push(tab), tab);

  /** an ad page and its popup: the extension page the other tabs' popups are opened from in Firefox */
  async function adPopup(): Promise<PageDriver> {
    const ad = track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html')));
    await waitForBanner(ad);
    const popup = track(await e2e.session.openPopupFor(ad));
    await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level), 15_000);
    return popup;
  }

  /**
   * The popup for `tab`, left open in its own tab while `tab` is brought back to the front:
   * Firefox slows the timers of background tabs to once a second, which calms any page.
   */
  async function popupFor(tab: PageDriver, via: PageDriver): Promise<PageDriver> {
    const popup = track(kind === 'firefox' ? await e2e.session.openPopupFor(tab, via) : await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup);
    await tab.bringToFront();
    return popup;
  }

  it('an ordinary ad page: warned about, no paused line', { timeout: 60_000 }, async () => {
    const popup = await adPopup();
    // the page has long finished; give a late report the time a back-off would take to show
    await sleep(3_000);
    expect(await pausedLine(popup)).toEqual({ hidden: true, text: '' });
  });

  it('pathological.html?load=mutations: the popup says scanning was slowed down', { timeout: 90_000 }, async () => {
    const via = await adPopup();
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'pathological.html') + '&load=mutations'));
    const popup = await popupFor(tab, via);
    const line = await pollFor('the scan-paused line', 20_000, async () => {
      const seen = await pausedLine(popup);
      return seen && !seen.hidden ? seen : undefined;
    });
    expect(line.text).toMatch(/此页变化太快|changes very fast/);
  });

  it('live-ticker.html: few scans, far fewer than changes; the line; check-page works; calm brings it back', { timeout: 120_000 }, async () => {
    const listener = await adPopup();
    expect(await listener.evaluate<boolean>(COUNT_REPORTS)).toBe(true);
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'live-ticker.html')));
    const tickerUrl = tab.url();
    const fromTicker = async () =>
      (await listener.evaluate<SeenReport[]>('globalThis.__fcsReports')).filter((r) => r.url === tickerUrl);

    // the popup (opened from the listening extension page in Firefox) shows the line
    const popup = await popupFor(tab, listener);
    await pollFor('the scan-paused line', 20_000, async () => ((await pausedLine(popup))?.hidden === false ? true : undefined));
    expect((await fromTicker()).some((r) => r.throttled === true)).toBe(true);

    // the back-off itself: over a window, reports of new items against items the page added
    const reportsBefore = (await fromTicker()).length;
    const addedBefore = await tab.evaluate<number>('window.__ticker.added');
    await sleep(WINDOW_MS);
    const reports = (await fromTicker()).slice(reportsBefore);
    const added = (await tab.evaluate<number>('window.__ticker.added')) - addedBefore;
    console.log(`[${kind}] in ${WINDOW_MS} ms the page added ${added} nodes; fcs-guard sent ${reports.length} reports (blocks: ${reports.map((r) => r.blocks).join(', ')})`);
    expect(added, 'the page kept changing').toBeGreaterThan(1_000);
    // scanned at all (a paused scanner is not a dead one), each scan covering many changes ...
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThan(added / 100);
    // ... and backed off: at the normal pace the window would hold WINDOW_MS / NORMAL_DELAY_MS scans
    expect(reports.length).toBeLessThanOrEqual(WINDOW_MS / NORMAL_DELAY_MS / 3);
    expect(reports.every((r) => r.throttled === true)).toBe(true);

    // 检查此页 still scans the whole page while the changes are backed off
    await popup.bringToFront();
    await popup.click('[data-testid="check-page"]');
    await tab.bringToFront();
    await pollFor('the check to finish', 20_000, async () =>
      (await popup.evaluate<boolean>(`(() => {
        const button = document.querySelector('[data-testid="check-page"]');
        return !button.disabled && document.querySelector('[data-testid="status"]').hidden;
      })()`)) || undefined,
    );
    const fullScan = (await fromTicker()).at(-1);
    expect(fullScan?.blocks, 'the full scan reported the ticker items').toBeGreaterThanOrEqual(100);
    expect((await pausedLine(popup))?.hidden).toBe(false);

    // the page calms down: the line goes away by itself
    await tab.evaluate('window.__stopTicker()');
    await pollFor('the scan-paused line to go away', 30_000, async () => ((await pausedLine(popup))?.hidden === true ? true : undefined));
    expect((await fromTicker()).at(-1)?.throttled).toBe(false);
  });
});

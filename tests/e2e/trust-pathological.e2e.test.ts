import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForBanner, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * Pathological pages (fixtures/pathological.html?load=…): the tab stays responsive while
 * fcs-guard scans it (a 20 ms heartbeat in the page measures the longest stall), and the
 * extension keeps working (an ad added afterwards is still warned about). The numbers are
 * printed for the record; the assertions are loose bounds on "responsive", not benchmarks
 * (`npm run bench` measures speed).
 */

const LOADS = [
  ['text', '10 MB of text'],
  ['nodes', '100,000 nodes'],
  ['mutations', '1,000 mutations a second'],
  ['iframes', '50 iframes'],
  ['shadow', '20 nested open shadow roots (the ad inside shadow roots too)'],
] as const;

/** no stall of the page's thread longer than this while we scan (a frozen tab is many seconds) */
const MAX_STALL_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Heartbeat {
  ticks: number;
  worst: number;
  since: number;
  last: number;
}

describe.each<BrowserKind>(['chromium', 'firefox'])('pathological pages in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  /** Chromium: the tab's JS heap (page and content-script worlds share one isolate) */
  async function heapMb(tab: PageDriver): Promise<number | undefined> {
    if (kind !== 'chromium') return undefined;
    const context = (e2e.session as unknown as { context: BrowserContext }).context;
    const page = (tab as unknown as { page: Page }).page;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    return Math.round(usedSize / 1e5) / 10;
  }

  it.each(LOADS)('%s (%s): the tab keeps ticking and a later ad is still warned about', { timeout: 90_000 }, async (load) => {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, `pathological.html`) + `&load=${load}`);
    e2e.tabs.push(tab);
    // the first scan happens now, under load
    await sleep(4_000);
    const loading = await tab.evaluate<Heartbeat>('window.__heartbeat');
    const heapBefore = await heapMb(tab);
    await tab.evaluate('window.__resetHeartbeat()');
    await tab.evaluate('window.__addAd()');
    const banner = await waitForBanner(tab, 30_000);
    const afterAd = await tab.evaluate<Heartbeat>('window.__heartbeat');
    const heapAfter = await heapMb(tab);
    console.log(
      `[${kind} ${load}] worst stall while loading+scanning ${Math.round(loading.worst)} ms over ${loading.ticks} ticks; ` +
        `until the banner ${Math.round(afterAd.worst)} ms over ${afterAd.ticks} ticks; banner after ${Math.round(afterAd.last - afterAd.since)} ms` +
        (heapBefore === undefined ? '' : `; heap ${heapBefore} → ${heapAfter} MB`),
    );
    expect(WARNING_LEVELS).toContain(banner.level);
    expect(afterAd.worst, 'longest stall of the page while the ad was scanned').toBeLessThan(MAX_STALL_MS);
    expect(afterAd.ticks, 'the heartbeat kept going').toBeGreaterThan(0);
  });
});

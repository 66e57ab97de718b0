import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageDriver } from './support/browsers';
import { heapUsedMb, isolatedWorldObjects } from '../../tools/bench/content-memory';
import { TRACKED_KEYS_FLOOR } from '../../src/content/scan/block-keys';
import { fixtureUrl } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * What the content script holds stays bounded by the page, not by its history: on a page that
 * adds 1,000 paragraphs a second and drops old ones (fixtures/pathological.html?load=mutations),
 * the block keys it tracks (one WeakRef each, counted in its isolated world over CDP) stay under
 * max(TRACKED_KEYS_FLOOR, 2 × the page's elements) + the page's elements. Without the sweep in
 * src/content/scan/extract.ts they grow by ~160 a second. `npm run bench:memory` reports the MB.
 */

const RESTLESS_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('content-script memory in chromium', () => {
  const e2e = useExtensionSession('chromium');

  async function cdpFor(tab: PageDriver) {
    const context = (e2e.session as unknown as { context: BrowserContext }).context;
    return context.newCDPSession((tab as unknown as { page: Page }).page);
  }

  it('a page that keeps replacing its content does not grow what the content script tracks', { timeout: 90_000 }, async () => {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, 'pathological.html') + '&load=mutations');
    e2e.tabs.push(tab);
    await sleep(RESTLESS_MS);
    const elements = await tab.evaluate<number>('document.getElementsByTagName("*").length');
    const cdp = await cdpFor(tab);
    const heap = await heapUsedMb(cdp);
    const world = await isolatedWorldObjects(cdp, e2e.session.extensionId);
    await cdp.detach();
    console.log(`[chromium mutations, ${RESTLESS_MS / 1000} s] ${elements} elements in the page; tab heap ${heap} MB; content script world ${JSON.stringify(world)}`);
    expect(world.weakRefs, 'the content script tracks the page’s blocks').toBeGreaterThan(0);
    expect(world.weakRefs).toBeLessThan(Math.max(TRACKED_KEYS_FLOOR, 2 * elements) + elements);
  });
});

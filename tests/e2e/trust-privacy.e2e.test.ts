import { readdirSync } from 'node:fs';
import type { BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoBanner,
  launch,
  launchChromiumWithToolbar,
  launchFirefox,
  waitForBanner,
  waitForVerdict,
  type BrowserKind,
  type ExtensionSession,
  type PageDriver,
} from '../../src/cli/browsers';
import { fixtureUrl } from './support/fixtures';
import { FIXTURES_DIR, serveFixtures, type FixtureServer } from './support/server';

/**
 * Not a byte of page text leaves the device, and a page cannot tell fcs-guard is there.
 *
 * Network: in Chromium every request of the browser context is recorded (pages, frames, the
 * extension's own pages and its service worker, which playwright reports too) while every
 * fixture page is visited, warned about, explained in the popup and re-checked. Only the
 * fixture server and the extension's own files may appear. A control from the service worker
 * proves the recorder sees the extension, and that the manifest's connect-src 'self' makes the
 * browser refuse a remote request before it leaves. Firefox: WebDriver BiDi gives no
 * access to the add-on's background page, so there it is covered by the build check
 * (trust-static: connect-src 'self' for extension pages, no network API in the content script) and by the same page-side probe.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FIXTURES = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.html')).sort();

interface Recorded {
  url: string;
  from: string;
}

function recordRequests(context: BrowserContext): Recorded[] {
  const seen: Recorded[] = [];
  const note = (request: Request) => {
    let from = 'page';
    try {
      from = request.serviceWorker() ? `worker ${request.serviceWorker()?.url()}` : `frame ${request.frame().url()}`;
    } catch {
      from = 'unknown';
    }
    seen.push({ url: request.url(), from });
  };
  context.on('request', note);
  return seen;
}

describe('privacy in chromium: no request leaves from any extension context', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let requests: Recorded[];
  let extensionOrigin: string;

  const isAllowed = (r: Recorded) =>
    r.url.startsWith(server.origin) || r.url.startsWith(extensionOrigin) || /^(data|about|blob):/.test(r.url);

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch('chromium');
    extensionOrigin = `chrome-extension://${session.extensionId}/`;
    requests = recordRequests((session as unknown as { context: BrowserContext }).context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`visiting all ${FIXTURES.length} fixture pages, warning, explaining and re-checking sends nothing elsewhere`, { timeout: 180_000 }, async () => {
    for (const fixture of FIXTURES) {
      const tab = await session.open(fixtureUrl(server, fixture));
      await sleep(1_200);
      const popup = await session.openPopupFor(tab);
      await waitForVerdict(popup);
      await popup.click('[data-testid="check-page"]').catch(() => undefined);
      await sleep(600);
      await popup.close();
      await tab.close();
    }
    const fromExtension = requests.filter((r) => r.from.includes(extensionOrigin) || r.url.startsWith(extensionOrigin));
    expect(fromExtension.length, 'the recorder saw the extension’s own pages load').toBeGreaterThan(0);
    expect(requests.filter((r) => !isAllowed(r))).toEqual([]);
    // the extension's contexts asked for nothing but their own files
    expect(fromExtension.filter((r) => !r.url.startsWith(extensionOrigin))).toEqual([]);
  });

  it('control: the recorder sees the service worker’s requests, and the CSP refuses remote ones', async () => {
    const context = (session as unknown as { context: BrowserContext }).context;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
    expect(worker, 'the service worker is running').toBeDefined();
    const before = requests.length;
    const outcome = await worker?.evaluate(`Promise.all([
      fetch(chrome.runtime.getURL('manifest.json')).then(() => 'loaded', () => 'refused'),
      fetch('http://127.0.0.1:9/leak-probe').then(() => 'sent', (e) => 'refused'),
    ])`);
    await sleep(500);
    // connect-src 'self': the browser refuses the remote request before it leaves
    expect(outcome).toEqual(['loaded', 'refused']);
    const seen = requests.slice(before);
    expect(seen.some((r) => r.url === `${extensionOrigin}manifest.json` && r.from.startsWith('worker')), JSON.stringify(seen)).toBe(true);
    expect(seen.filter((r) => !isAllowed(r))).toEqual([]);
  });
});

interface Snapshot {
  globals: string[];
  html: string[];
  body: string[];
  children: string[];
  elements: number;
  mutations: string[];
  messages: string[];
  adoptedSheets: number;
  styleSheets: number;
}

/** Starts the browser without fcs-guard, so one browser gives the before and the after. */
function launchBare(kind: BrowserKind): Promise<ExtensionSession> {
  return kind === 'chromium' ? launchChromiumWithToolbar({ deferInstall: true }) : launchFirefox({ deferInstall: true });
}

describe.each<BrowserKind>(['chromium', 'firefox'])('undetectable in %s', (kind) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  const tabs: PageDriver[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launchBare(kind);
  });
  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
    await session?.close();
    await server?.close();
  });

  async function snapshotOfProbe(): Promise<{ tab: PageDriver; snapshot: Snapshot }> {
    const tab = await session.open(fixtureUrl(server, 'probe.html'));
    tabs.push(tab);
    // the content script runs at document_idle and scans in slices: give it time to do it all
    await expectNoBanner(tab, 2_500);
    return { tab, snapshot: await tab.evaluate<Snapshot>('window.__snapshot()') };
  }

  it('an ordinary page sees the same globals, attributes, DOM, mutations and messages with and without it', { timeout: 90_000 }, async () => {
    const without = await snapshotOfProbe();
    await session.install();
    const withIt = await snapshotOfProbe();
    expect(withIt.snapshot).toEqual(without.snapshot);
    expect(without.snapshot.mutations.length, 'the probe records mutations (the parser’s own)').toBeGreaterThan(0);
    // and the content script was alive in that page all along: a lure added now is warned about
    await withIt.tab.evaluate('window.__addAd()');
    await waitForBanner(withIt.tab);
  });
});

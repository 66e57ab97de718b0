import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pollFor, waitForBanner, waitForVerdict, type ExtensionSession, type PageDriver } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { firefoxThroughProxy, startLoggingProxy, type LoggingProxy, type ProxiedRequest } from './support/logging-proxy';
import { FIXTURES_DIR, serveFixtures, type FixtureServer } from './support/server';

/**
 * Not a byte of page text leaves the device, in Firefox: the browser sends every request
 * through a logging proxy on 127.0.0.1 (localhost included; Firefox's own Remote Settings
 * silenced by prefs, see firefoxThroughProxy), and every fixture page is visited, warned about,
 * explained in the popup and re-checked, with the options page opened too. The proxy may see
 * nothing but the fixture server. WebDriver BiDi cannot watch the add-on's background page, so
 * the proxy is the recorder; the controls prove it sees a page's fetch and a request the browser
 * makes at the extension's behest (a tab an extension page opens on a remote address), and that
 * the manifest's CSP refuses an extension page's remote image (img-src) and remote fetches from
 * the popup and the background page (connect-src 'self') before they leave.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FIXTURES = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.html')).sort();

describe('privacy in firefox: no request leaves from any extension context', () => {
  let server: FixtureServer;
  let proxy: LoggingProxy;
  let session: ExtensionSession;
  /** an extension page (the popup for an ad tab) kept open to open the others and run controls */
  let home: PageDriver;
  const tabs: PageDriver[] = [];

  const fromElsewhere = (requests: readonly ProxiedRequest[]) =>
    requests.filter((r) => !r.target.startsWith(server.origin));

  beforeAll(async () => {
    server = await serveFixtures();
    proxy = await startLoggingProxy(new URL(server.origin).host);
    session = await launch('firefox', firefoxThroughProxy(proxy));
  });
  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
    await session?.close();
    await proxy?.close();
    await server?.close();
  });

  it(`visiting all ${FIXTURES.length} fixture pages, warning, explaining and re-checking sends nothing elsewhere`, { timeout: 240_000 }, async () => {
    const adTab = await session.open(fixtureUrl(server, 'ad.html'));
    tabs.push(adTab);
    await waitForBanner(adTab);
    home = await session.openDetails(adTab);
    tabs.push(home);
    await waitForVerdict(home, (v) => v.level !== 'none');
    const options = await session.openFrom(home, '[data-testid="open-options"]');
    await pollFor('the options page', 10_000, async () =>
      (await options.evaluate<number>(`document.querySelectorAll('[data-testid="threshold-40"]').length`)) > 0 ? true : undefined,
    );
    await options.close();

    for (const fixture of FIXTURES) {
      const tab = await session.open(fixtureUrl(server, fixture));
      await sleep(1_200);
      const popup = await session.openPopupFor(tab, home);
      await waitForVerdict(popup);
      await popup.click('[data-testid="check-page"]').catch(() => undefined);
      await sleep(600);
      await popup.close();
      await tab.close();
    }
    await sleep(2_000);
    const pages = proxy.seen.filter((r) => r.target.startsWith(server.origin));
    expect(pages.length, 'the proxy saw the fixture pages').toBeGreaterThanOrEqual(FIXTURES.length);
    expect(fromElsewhere(proxy.seen)).toEqual([]);
  });

  it('control: the proxy sees what a page and the extension ask for; the CSP refuses the extension’s remote image and fetches', async () => {
    expect(home, 'the first test opened the popup').toBeDefined();
    const before = proxy.seen.length;
    const page = await session.open(fixtureUrl(server, 'ordinary.html'));
    tabs.push(page);
    await page.evaluate(`fetch('http://leak-probe-page.invalid/').then(() => 'sent', () => 'failed')`);
    // the browser loads a tab the extension opens: a request at the extension's behest, which
    // the proxy must see (the tab is closed again once it has been asked for)
    await home.evaluate(`browser.tabs.create({ url: 'http://leak-probe-extension-tab.invalid/', active: false })
      .then((tab) => { window.__leakProbeTab = tab.id; return true; })`);
    // img-src 'self' data: blob:: the browser refuses the remote image and says which directive did
    const image = await home.evaluate<{ outcome: string; violated: string[] }>(`new Promise((done) => {
      const violated = [];
      document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective || e.violatedDirective));
      const image = new Image();
      image.onload = () => setTimeout(() => done({ outcome: 'loaded', violated }), 200);
      image.onerror = () => setTimeout(() => done({ outcome: 'refused', violated }), 200);
      image.src = 'http://leak-probe-extension-image.invalid/pixel.png';
    })`);
    const refused = await home.evaluate<string[]>(`Promise.all([
      fetch('http://leak-probe-popup.invalid/').then(() => 'sent', () => 'refused'),
      browser.runtime.getBackgroundPage().then((background) =>
        background.fetch('http://leak-probe-background.invalid/').then(() => 'sent', () => 'refused')),
    ])`);
    // a CONNECT names host:port (Firefox may try https:// first)
    const hostsSeen = () =>
      proxy.seen.slice(before).map((r) => (r.method === 'CONNECT' ? r.target.replace(/:\d+$/, '') : new URL(r.target).hostname));
    await pollFor('the tab the extension opened, at the proxy', 10_000, async () =>
      hostsSeen().includes('leak-probe-extension-tab.invalid') ? true : undefined,
    ).catch(() => undefined);
    await home.evaluate(`browser.tabs.remove(window.__leakProbeTab).then(() => true, () => true)`);
    await sleep(1_000);
    const seen = hostsSeen();
    expect(seen, JSON.stringify(proxy.seen.slice(before))).toContain('leak-probe-page.invalid');
    expect(seen).toContain('leak-probe-extension-tab.invalid');
    // img-src: refused by the CSP, so it never reaches the network
    expect(image.outcome).toBe('refused');
    expect(image.violated).toContain('img-src');
    expect(seen).not.toContain('leak-probe-extension-image.invalid');
    // connect-src 'self': the browser refuses the remote requests before they reach the network
    expect(refused).toEqual(['refused', 'refused']);
    expect(seen).not.toContain('leak-probe-popup.invalid');
    expect(seen).not.toContain('leak-probe-background.invalid');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoBanner, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * Lures drawn inside pictures: the on-device OCR reads ad-like images from a screenshot
 * of the tab, and their text goes through the same engine as any block.
 * - image-ad.html: the only lure is in the image (the caption is harmless): banner.
 * - image-ad-claimed.html: the same, with a transparent element of the page's over the image that
 *   carries fcs-guard's old attributes: still read (only what is really ours is left out).
 * - image-ordinary.html: an ad image with everyday text: read, no banner.
 * - image-plain.html: no ad-like image: no OCR at all (nothing read for the tab; in Chromium, no
 *   offscreen document was ever created for a page without one).
 * All of it is observed from outside the product, from an extension page (the popup in a tab).
 * Firefox hosts the engine in its background page, whose fetches leave no resource timing entries,
 * so there the crops alone show what was read.
 */
const api = '(globalThis.browser ?? globalThis.chrome)';
/** Chromium: how many offscreen documents (OCR hosts) exist */
const OFFSCREEN_DOCUMENTS = `chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)`;
const cropsOf = (tabExpr: string) => `${api}.runtime.sendMessage({ type: 'tab/getImageCrops', tabId: ${tabExpr} })`;
const READ_CROPS = cropsOf(`Number(new URLSearchParams(location.search).get('tabId'))`);
const cropsOfUrl = (url: string) =>
  `${api}.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})).then((t) => ${cropsOf('t.id')})`;

interface Crops {
  crops: { text: string; dataUrl: string; ms?: number }[];
}

// the first image loads the models and compiles the WASM: allow for a slow, shared CI machine
const OCR_TIMEOUT_MS = 90_000;

async function pollCrops(page: PageDriver, url: string, timeoutMs: number): Promise<Crops> {
  const end = Date.now() + timeoutMs;
  let last: Crops | undefined;
  while (Date.now() < end) {
    last = await page.evaluate<Crops>(cropsOfUrl(url));
    if (last.crops.length > 0) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no image was read on ${url}`);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('reading lures inside images in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  /** closed after the test that opens it */
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);
  // the ad tab and its popup stay open for the tests after it: the popup reads the counters
  let extensionPage: PageDriver | undefined;

  // Firefox: an extension page can be opened only from a banner, and this page has none
  if (kind === 'chromium') {
    it('runs no OCR at all on a page without ad-like images (fresh browser)', async () => {
      const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'image-plain.html')));
      await expectNoBanner(tab, 2_000);
      const popup = track(await e2e.session.openPopupFor(tab));
      expect(await popup.evaluate<Crops>(READ_CROPS)).toEqual({ crops: [] });
      expect(await popup.evaluate<number>(OFFSCREEN_DOCUMENTS)).toBe(0);
    });
  }

  it(
    'warns on a page whose only lure is inside an image, and says so',
    async () => {
      const tab = await e2e.session.open(fixtureUrl(e2e.server, 'image-ad.html'));
      const banner = await waitForBanner(tab, OCR_TIMEOUT_MS);
      expect(WARNING_LEVELS).toContain(banner.level);
      const inImage = `root.querySelector('[data-testid="found-in-image"]') !== null`;
      expect(await tab.inOwnUi<boolean>('banner', inImage), 'the banner says the lure is in an image').toBe(true);
      extensionPage = await e2e.session.openPopupFor(tab);
      await waitForVerdict(extensionPage, (v) => v.level !== '' && v.level !== 'none');
      expect(await extensionPage.evaluate<number>(`document.querySelectorAll('[data-testid="lure-in-image"]').length`)).toBeGreaterThan(0);
      const crops = await pollCrops(extensionPage, tab.url(), 5_000);
      if (kind === 'chromium') expect(await extensionPage.evaluate<number>(OFFSCREEN_DOCUMENTS)).toBe(1);
      expect(await tab.evaluate<number>(`document.querySelectorAll('[data-fcs-image-outline]').length`)).toBe(1);
      // the first image includes creating the engine (models + WASM compile); for the report, not asserted
      console.info(`${kind}: first image read in ${Math.round(crops.crops[0]?.ms ?? -1)} ms`);
      expect(crops.crops.length).toBe(1);
      expect(crops.crops[0]?.dataUrl).toMatch(/^data:image\/png;base64,/);
      expect(crops.crops[0]?.text.replace(/\s/g, '')).toContain('停息挂账');
      // the evidence kit carries the crop and what was read in it
      // (one HTML file: the crop as an image in it, and in its embedded data a reference to that image)
      const [file] = await extensionPage.downloadsFrom('[data-testid="save-evidence"]', 1);
      const html = readFileSync(file as string, 'utf8');
      expect(html).toContain(`id="image-crop-0" src="${crops.crops[0]?.dataUrl ?? '-'}"`);
      const data = /<script type="application\/json" id="fcs-guard-evidence">([\s\S]*?)<\/script>/.exec(html)?.[1];
      const evidence = JSON.parse(data ?? 'null') as { imageCrops?: { text: string; image: string }[] } | null;
      expect(evidence?.imageCrops?.[0]?.image).toBe('#image-crop-0');
      expect(evidence?.imageCrops?.[0]?.text.replace(/\s/g, '')).toContain('停息挂账');
    },
    OCR_TIMEOUT_MS + 30_000,
  );

  it('an element of the page that claims to be fcs-guard’s own, laid over the ad image, does not keep it from being read', async () => {
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'image-ad-claimed.html')));
    const banner = await waitForBanner(tab, OCR_TIMEOUT_MS);
    expect(WARNING_LEVELS).toContain(banner.level);
    expect(await tab.inOwnUi<boolean>('banner', `root.querySelector('[data-testid="found-in-image"]') !== null`)).toBe(true);
  }, OCR_TIMEOUT_MS + 30_000);

  it('runs no OCR on a page without ad-like images', async () => {
    if (!extensionPage) throw new Error('needs the image-ad test first');
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'image-plain.html')));
    await expectNoBanner(tab, 2_000);
    expect(await extensionPage.evaluate<Crops>(cropsOfUrl(tab.url()))).toEqual({ crops: [] });
    if (kind === 'chromium') expect(await extensionPage.evaluate<number>(OFFSCREEN_DOCUMENTS)).toBe(1);
  });

  it('reads an ad image of everyday text and does not warn', async () => {
    if (!extensionPage) throw new Error('needs the image-ad test first');
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'image-ordinary.html')));
    const crops = await pollCrops(extensionPage, tab.url(), 30_000);
    await expectNoBanner(tab, 1_500);
    expect(await tab.evaluate<number>(`document.querySelectorAll('[data-fcs-image-outline]').length`)).toBe(0);
    expect(crops.crops[0]?.text.replace(/\s/g, '')).toContain('全场五折');
    console.info(`${kind}: image read in ${Math.round(crops.crops[0]?.ms ?? -1)} ms with the engine warm`);
  }, 60_000);
});

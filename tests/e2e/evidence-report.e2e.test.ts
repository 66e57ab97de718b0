import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { localTime } from '../../src/shared/local-time';
import { PROBE_RULE, describeViolations, seriousViolations, seriousViolationsWithProbe } from './support/axe';
import { pollFor, readBanner, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { englishWordsIn } from './support/page-text';
import { countColours, decodePng, parseRgb, type Box } from './support/png-pixels';
import { useExtensionSession } from './support/session';

// the browsers start in Beijing time, so the report's offset is one a UTC stamp would get wrong
const ZONE = 'Asia/Shanghai';
const previousTz = process.env.TZ;
process.env.TZ = ZONE;
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

/** the banner's own box (the largest element of its panel in our overlay, `root`) and the background colours that fill it */
const BANNER_LOOK = `(() => {
  const panel = root.querySelector('.panel');
  const boxes = [panel, ...panel.querySelectorAll('*')].map((el) => ({ el, box: el.getBoundingClientRect() }));
  const area = (b) => b.width * b.height;
  const largest = boxes.reduce((a, b) => (area(b.box) > area(a.box) ? b : a));
  const colours = new Set();
  for (const { el, box } of boxes) {
    const background = getComputedStyle(el).backgroundColor;
    if (area(box) >= area(largest.box) * 0.2 && !/, 0\\)$/.test(background) && background !== 'transparent') colours.add(background);
  }
  const b = largest.box;
  return { box: { x: b.left, y: b.top, width: b.width, height: b.height }, colours: [...colours], viewport: window.innerWidth };
})()`;

interface EvidenceData {
  format: string;
  url: string;
  capturedAt: string;
  capturedAtLocal: string;
  utcOffset: string;
  timeZone: string;
  lures: unknown[];
  blocks: string[];
  contacts: { wechat: string[] };
  screenshot: string | null;
  blockCrop?: string;
}

/** the print styles of a page, applied on the screen: an adopted copy of its `@media print` rules */
const PRINT_RULES_ON_SCREEN = `(() => {
  const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]);
  const print = rules.filter((r) => r.media && r.media.mediaText.includes('print')).flatMap((r) => [...r.cssRules].map((c) => c.cssText));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(print.join('\\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return print.length;
})()`;

/**
 * Print media for the page: Chromium emulates it (CDP); Firefox over WebDriver BiDi cannot, so
 * its print rules are applied on the screen instead, which is what printing uses for layout.
 */
async function printMedia(page: PageDriver, on: boolean): Promise<void> {
  const driver = (page as PageDriver & { page: { emulateMedia?(o: { media: 'print' | 'screen' }): Promise<void> } }).page;
  if (driver.emulateMedia) {
    await driver.emulateMedia({ media: on ? 'print' : 'screen' });
    expect(await page.evaluate<boolean>(`matchMedia('print').matches`)).toBe(on);
  } else if (on) {
    expect(await page.evaluate<number>(PRINT_RULES_ON_SCREEN)).toBeGreaterThan(0);
  } else {
    await page.evaluate(`(() => { document.adoptedStyleSheets = []; return true; })()`);
  }
}

/** The evidence kit saved by a click, and the report panel. */
describe.each<BrowserKind>(['chromium', 'firefox'])('evidence kit and report in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);

  async function popupForAd(): Promise<{ tab: PageDriver; popup: PageDriver }> {
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html')));
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level === 'medium' || v.level === 'high');
    return { tab, popup };
  }

  it('“save-evidence” saves one self-contained HTML file: the data embedded, the local time with its offset and zone, the screenshot without our banner', async () => {
    const { tab, popup } = await popupForAd();
    const banner = await tab.inOwnUi<{ box: Box; colours: string[]; viewport: number }>('banner', BANNER_LOOK);
    if (!banner) throw new Error('no banner to measure');
    const colours = banner.colours.map(parseRgb).filter((c): c is [number, number, number] => c !== undefined);
    expect(colours.length, `the banner has a background of its own: ${banner.colours.join(', ')}`).toBeGreaterThan(0);

    const [file, ...more] = await popup.downloadsFrom('[data-testid="save-evidence"]', 1);
    expect(more).toEqual([]);
    expect(file).toMatch(/\.html$/);
    const status = await pollFor('the saved file’s name', 10_000, async () => {
      const text = await popup.evaluate<string>(`document.querySelector('[data-testid="evidence-status"]').textContent`);
      return text.includes('.html') ? text : undefined;
    });
    expect(status).not.toContain('.json');

    const html = readFileSync(file as string, 'utf8');
    const json = /<script type="application\/json" id="fcs-guard-evidence">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json ?? 'null') as EvidenceData;
    expect(data.format).toBe('fcs-guard-evidence');
    expect(data.url).toBe(tab.url());
    expect(data.lures.length).toBeGreaterThan(0);
    expect(data.blocks.length).toBeGreaterThan(0);
    expect(data.contacts.wechat).toContain('anxin_shangan888');
    expect(data.screenshot).toBe('#screenshot');

    // the time as the reader lived it: local, with the offset and the zone
    expect(data.timeZone).toBe(ZONE);
    expect(data.utcOffset).toBe('UTC+08:00');
    const expected = localTime(new Date(data.capturedAt), 'en', ZONE);
    expect(data.capturedAtLocal).toBe(expected.iso);

    const report = track(await e2e.session.open(pathToFileURL(file as string).href));
    const facts = await report.evaluate<{ scripts: string[]; images: string[]; text: string; time: string }>(
      `({ scripts: [...document.scripts].map((s) => s.type), images: [...document.images].map((i) => i.id), text: document.body.innerText,
          time: document.querySelector('[data-testid="local-time"]').textContent })`,
    );
    expect(facts.scripts).toEqual(['application/json']);
    expect(facts.images).toEqual(['block-crop', 'screenshot']);
    expect(facts.time.startsWith(`${expected.local} UTC+08:00`), facts.time).toBe(true);
    expect(facts.time).toContain(ZONE);
    for (const needle of ['110', '12378', '国家反诈中心', tab.url()]) expect(facts.text).toContain(needle);

    // not one pixel of our banner in the screenshot, where the banner was; a screenshot of the tab now shows it
    const screenshot = await report.evaluate<string>(`document.getElementById('screenshot').src`);
    const pixels = decodePng(screenshot);
    const scale = pixels.width / banner.viewport;
    const inEvidence = countColours(pixels, banner.box, scale, colours);
    expect(inEvidence.total).toBeGreaterThan(0);
    expect(inEvidence.matching, 'banner pixels in the evidence screenshot').toBe(0);
    await pollFor('the banner to be back', 5_000, async () => ((await readBanner(tab)) ? true : undefined));
    await tab.bringToFront();
    const control = join(tmpdir(), `fcs-banner-control-${kind}-${Date.now()}.png`);
    await tab.screenshot(control);
    const shown = decodePng(readFileSync(control));
    const inControl = countColours(shown, banner.box, shown.width / banner.viewport, colours);
    expect(inControl.matching / inControl.total, 'the check sees the banner where it is shown').toBeGreaterThan(0.2);

    // the flagged block's own crop: a part of the screenshot
    const crop = decodePng(await report.evaluate<string>(`document.getElementById('block-crop').src`));
    expect(crop.width).toBeGreaterThan(50);
    expect(crop.width * crop.height).toBeLessThan(pixels.width * pixels.height);
  });

  it('the report fits A4 when printed, reads as Chinese, and has no serious accessibility violations', async () => {
    const { popup } = await popupForAd();
    const [file] = await popup.downloadsFrom('[data-testid="save-evidence"]', 1);
    const report = track(await e2e.session.open(pathToFileURL(file as string).href));
    // A4 less the page margins: 186 mm ≈ 703 CSS px; printed, nothing is wider
    const printWidth = 703;
    await report.setViewport(printWidth, 1000);
    await printMedia(report, true);
    const widest = await report.evaluate<number>(`Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right))`);
    expect(widest).toBeLessThanOrEqual(printWidth + 0.5);
    expect(await report.evaluate<string>(`[...document.styleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join(' ')`)).toMatch(/@page\s*\{\s*size: a4/i);
    await printMedia(report, false);

    const lang = await report.evaluate<string>('document.documentElement.lang');
    if (lang.startsWith('zh')) expect(await englishWordsIn(report), 'the report in Chinese').toEqual([]);
    const violations = await seriousViolations(report, {});
    expect(violations, describeViolations(violations)).toEqual([]);
    const probed = await seriousViolationsWithProbe(report, {}, { root: 'document' });
    expect(probed.map((v) => v.id)).toContain(PROBE_RULE);
  });

  it('“report” on an ad: the text to paste into 12321, the 国家反诈中心 app or 12378, or e-mail; no account needed', async () => {
    const { tab, popup } = await popupForAd();
    await popup.click('[data-testid="report"]');
    const draft = await pollFor('the report draft', 5_000, async () => {
      const value = await popup.evaluate<string>(`document.querySelector('[data-testid="report-text"]').value`);
      return value.length > 0 ? value : undefined;
    });
    expect(await popup.evaluate<string>(`document.querySelector('input[name="report-kind"]:checked').value`)).toBe('scam');
    // for the authorities the full address, when it was seen and the ad's own words and contacts
    expect(draft).toContain(tab.url());
    expect(draft).toMatch(/UTC[+-]\d{2}:\d{2}/);
    expect(draft).toContain('anxin_shangan888');
    const where = await popup.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="report-where"] a')].map((a) => a.getAttribute('href'))`);
    expect(where).toEqual(expect.arrayContaining(['https://www.12321.cn', 'tel:12378', 'tel:110']));
    const mail = new URL(await popup.evaluate<string>(`document.querySelector('[data-testid="report-email"]').href`));
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('');
    expect(decodeURIComponent(mail.search)).toContain(tab.url());
    expect(await popup.evaluate<boolean>(`document.querySelector('[data-testid="report-open"]').getClientRects().length > 0`)).toBe(false);
  });

  it('“report” a false alarm: exactly what would be shared (the domain only), editable, copied, e-mailed or opened on GitHub', async () => {
    const { popup } = await popupForAd();
    await popup.click('[data-testid="report"]');
    await popup.click('input[name="report-kind"][value="false-alarm"]');
    const draft = await pollFor('the feedback draft', 5_000, async () => {
      const value = await popup.evaluate<string>(`document.querySelector('[data-testid="report-text"]').value`);
      return value.includes('127.0.0.1') && !value.includes('http') ? value : undefined;
    });
    expect(draft).not.toContain('ad.html'); // the domain only, never the address
    const ruleId = await popup.evaluate<string>(`document.querySelector('[data-testid="lure"]').dataset.ruleId`);
    expect(draft).toContain(ruleId);

    await popup.type('[data-testid="report-text"]', 'fixture test note');
    const href = await popup.evaluate<string>(`document.querySelector('[data-testid="report-open"]').href`);
    expect(href.startsWith('https://github.com/fcs-guard/fcs-guard/issues/new?title=')).toBe(true);
    expect(new URL(href).searchParams.get('body')).toContain('fixture test note');
    expect(decodeURIComponent(await popup.evaluate<string>(`document.querySelector('[data-testid="report-email"]').href`))).toContain('fixture test note');
    await popup.click('[data-testid="report-copy"]');
    await pollFor('the copy confirmation', 5_000, async () =>
      (await popup.evaluate<string>(`document.querySelector('[data-testid="report-copied"]').textContent`)) ? true : undefined,
    );
  });
});

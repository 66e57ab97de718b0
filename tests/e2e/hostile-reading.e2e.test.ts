import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoBanner, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { FIXTURES_DIR } from './support/server';
import { useExtensionSession } from './support/session';
import { buildSwapFont } from './support/swap-font';

/**
 * Pages that show the reader an ad while their DOM says something else (fixtures/hostile-*.html,
 * written for these tests): fcs-guard must read what the reader sees and warn. Each fixture is one
 * class of attack; `?case=` picks the variant. Every case warns in both browsers.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Case = [label: string, fixture: string, variant: string];

const BLINDING: Case[] = [
  ...['17b4', '3164', '2800', 'ffa0', '115f'].map((code): Case => [`a U+${code.toUpperCase()} filler between every character`, 'hostile-fillers.html', code]),
  ...['none', 'size0', 'transparent', 'rgba', 'offscreen', 'visibility', 'opacity', 'clip', 'zero', 'scale', 'parent-size0'].map(
    (kind): Case => [`junk between the characters hidden by a stylesheet (${kind})`, 'hostile-hidden-junk.html', kind],
  ),
  ['the ad in ::before / ::after content strings', 'hostile-generated.html', 'before'],
  ['the ad in generated content: attr()', 'hostile-generated.html', 'attr'],
  ['the ad in SVG <text>', 'hostile-svg.html', ''],
  ['junk in ruby annotations between the characters', 'hostile-ruby.html', ''],
  ...['value', 'placeholder', 'select', 'button', 'textarea'].map((kind): Case => [`the ad as a form control's ${kind}`, 'hostile-form.html', kind]),
  ...['srcdoc', 'blank', 'data', 'blob'].map((kind): Case => [`the ad in a ${kind} frame the page makes`, 'hostile-frames.html', kind]),
  ['the ad past 12,000 characters of one element', 'hostile-long.html', ''],
  ...['flex-order', 'row-reverse', 'grid', 'absolute', 'bidi-control', 'css-bidi'].map((kind): Case => [`the ad drawn in another order than the DOM (${kind})`, 'hostile-order.html', kind]),
];

const FOOLING: Case[] = ['none', 'transparent', 'offscreen', 'behind', 'quote'].map((kind): Case => [
  `warning words the reader never sees inside the ad (${kind})`,
  'hostile-context.html',
  kind,
]);

/** The glyph-swapping font of hostile-font.html: the same pairing the page makes from hostile-font.json. */
function writeSwapFont(): void {
  const { drawn, alphabet } = JSON.parse(readFileSync(join(FIXTURES_DIR, 'hostile-font.json'), 'utf8')) as { drawn: string; alphabet: string };
  const distinct = [...new Set(drawn)];
  const spare = [...alphabet].filter((c) => !distinct.includes(c));
  const dir = join(FIXTURES_DIR, 'generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'swap-font.ttf'), buildSwapFont(distinct.map((c, i) => [c, spare[i] as string] as const)));
}

describe.each<BrowserKind>(['chromium', 'firefox'])('reading what the reader sees, in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  beforeAll(writeSwapFont);

  async function visit(fixture: string, variant: string): Promise<PageDriver> {
    const url = fixtureUrl(e2e.server, fixture);
    const tab = await e2e.session.open(variant ? `${url}&case=${variant}` : url);
    e2e.tabs.push(tab);
    return tab;
  }

  async function expectWarned(tab: PageDriver): Promise<void> {
    const banner = await waitForBanner(tab, 15_000);
    expect(WARNING_LEVELS).toContain(banner.level);
  }

  it.each([...BLINDING, ...FOOLING])('warns about %s', async (_label, fixture, variant) => {
    await expectWarned(await visit(fixture, variant));
  });

  it.each([
    ['the ad written into a text node after the first scan', 'data'],
    ['a hidden ad shown by a class removed on a timer', 'class-timer'],
  ])('warns about %s, and not before', async (_label, variant) => {
    const tab = await visit('hostile-late.html', variant);
    await expectNoBanner(tab, 500);
    expect(await tab.evaluate<boolean>('window.__revealed')).toBe(false);
    await expectWarned(tab);
  });

  it('warns about a hidden ad shown on hover (a class removed by script, and a pure CSS :hover rule)', async () => {
    for (const variant of ['hover', 'css-hover']) {
      const tab = await visit('hostile-late.html', variant);
      await expectNoBanner(tab, 1_500);
      await tab.hover('#reveal');
      await expectWarned(tab);
    }
  });

  it('warns about a hidden ad shown when the page is scrolled', async () => {
    const tab = await visit('hostile-late.html', 'scroll');
    await expectNoBanner(tab, 1_500);
    await tab.evaluate('window.scrollTo(0, 400)');
    await expectWarned(tab);
  });

  it('warns about an ad drawn by a web font that draws other glyphs than the DOM holds (read by OCR)', { timeout: 120_000 }, async () => {
    const tab = await visit('hostile-font.html', '');
    // the DOM holds everyday characters: nothing in it reads as a lure
    const dom = await tab.evaluate<string>(`new Promise((done) => { const wait = () => window.__ready ? done(document.getElementById('drawn').textContent) : setTimeout(wait, 50); wait(); })`);
    expect(dom).not.toMatch(/停息|挂账|退费|服务费|微信/);
    const banner = await waitForBanner(tab, 90_000);
    expect(WARNING_LEVELS).toContain(banner.level);
  });

  it('does not warn about an ad the reader is never shown (hidden by a stylesheet three ways)', async () => {
    await expectNoBanner(await visit('hidden-ad-only.html', ''), 3_000);
  });

  it('tells the user in the popup that the ad hides text from them', async () => {
    const tab = await visit('hostile-context.html', 'none');
    await expectWarned(tab);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level));
    await sleep(300);
    const note = await popup.evaluate<{ hidden: boolean; text: string } | null>(
      `(() => { const el = document.querySelector('[data-testid="hidden-text"]'); return el && { hidden: el.hidden, text: el.textContent }; })()`,
    );
    expect(note?.hidden).toBe(false);
    expect(note?.text.length).toBeGreaterThan(10);
  });
});

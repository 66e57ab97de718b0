import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pollFor, waitForBanner, type BrowserKind, type ExtensionSession, type PageDriver } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

/** every highlighted range of the page (fcs-guard's is the only highlight on these fixtures; its name is random) */
const HIGHLIGHTED = `[...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.toString()))`;

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** the outlines fcs-guard draws (viewport coordinates), read in its closed shadow root */
const OUTLINES = `[...root.querySelectorAll('.outline')].filter((o) => !o.hidden).map((o) => { const r = o.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; })`;
const rectOf = (selector: string) =>
  `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; })()`;
const NO_SIDEWAYS_SCROLL = `document.documentElement.scrollWidth <= document.documentElement.clientWidth`;

/** an outline drawn `offset` px outside `block`, to within a pixel */
const frames = (outline: Rect, block: Rect, offset = 4) =>
  Math.abs(outline.left - (block.left - offset)) <= 1 &&
  Math.abs(outline.top - (block.top - offset)) <= 1 &&
  Math.abs(outline.width - (block.width + 2 * offset)) <= 1 &&
  Math.abs(outline.height - (block.height + 2 * offset)) <= 1;

/** The lure shown in place, without changing the page's DOM or layout. */
describe.each<BrowserKind>(['chromium', 'firefox'])('lure highlighting in %s', (kind) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let tab: PageDriver;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(kind);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('highlights the matched phrases and outlines the flagged block; the page body is untouched', async () => {
    tab = await session.open(fixtureUrl(server, 'article-with-sidebar-ad.html'));
    const before = await tab.evaluate<string>('document.body.innerHTML');
    await waitForBanner(tab);
    const highlighted = await pollFor('highlighted phrases', 5_000, async () => {
      const texts = await tab.evaluate<string[]>(HIGHLIGHTED);
      return texts.length > 0 ? texts : undefined;
    });
    // every highlighted range lies in the sidebar ad, none in the article
    const inAd = await tab.evaluate<boolean[]>(
      `[...CSS.highlights.values()].flatMap((h) => [...h].map((r) => !!(r.startContainer.parentElement && r.startContainer.parentElement.closest('aside'))))`,
    );
    expect(highlighted.length).toBeGreaterThan(0);
    expect(inAd.every(Boolean)).toBe(true);
    expect(await tab.inOwnUi<Rect[]>('overlay', OUTLINES)).not.toHaveLength(0);
    expect(await tab.evaluate<string>('document.body.innerHTML')).toBe(before);
    await tab.close();
  });

  it('a highlight ends on a whole word (不成功100%退费, not 不成功100%退), and its name is not one a page could know', async () => {
    const names: string[] = [];
    for (let load = 0; load < 2; load++) {
      tab = await session.open(fixtureUrl(server, 'ad.html'));
      await waitForBanner(tab);
      const highlighted = await pollFor('highlighted phrases', 5_000, async () => {
        const texts = await tab.evaluate<string[]>(HIGHLIGHTED);
        return texts.some((t) => t.includes('退')) ? texts : undefined;
      });
      expect(highlighted).toContain('不成功100%退费');
      expect(highlighted).not.toContain('不成功100%退');
      expect(highlighted.filter((t) => t.endsWith('合')), '签正规合同, whole').toEqual([]);
      names.push(...(await tab.evaluate<string[]>(`[...CSS.highlights.keys()]`)));
      await tab.close();
    }
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) expect(name).not.toMatch(/fcs|guard/i);
  });

  it('the outline stays on its block through a resize and a reflow, and never widens the page', async () => {
    tab = await session.open(fixtureUrl(server, 'ad.html'));
    await tab.setViewport(1366, 768);
    await waitForBanner(tab);
    const onBlock = async (what: string) =>
      pollFor(what, 5_000, async () => {
        const block = await tab.evaluate<Rect>(rectOf('#ad'));
        const outlines = (await tab.inOwnUi<Rect[]>('overlay', OUTLINES)) ?? [];
        return outlines.some((o) => frames(o, block)) ? true : undefined;
      });
    await onBlock('the outline on the ad');
    expect(await tab.evaluate<boolean>(NO_SIDEWAYS_SCROLL)).toBe(true);

    await tab.setViewport(900, 700);
    await onBlock('the outline on the ad after a resize');
    expect(await tab.evaluate<boolean>(NO_SIDEWAYS_SCROLL), 'no horizontal scrollbar after the resize').toBe(true);

    // the page grows above the ad: the ad moves down, and so does its outline
    await tab.evaluate(`(() => { const p = document.createElement('p'); p.textContent = '新闻'; p.style.height = '120px'; document.querySelector('main').prepend(p); return true; })()`);
    await onBlock('the outline on the ad after a reflow');
    await tab.evaluate('scrollTo(0, 200)');
    await onBlock('the outline on the ad after a scroll');
    expect(await tab.evaluate<boolean>(NO_SIDEWAYS_SCROLL)).toBe(true);
    await tab.close();
  });

  it('“details” scrolls to the flagged block far down the page', async () => {
    tab = await session.open(fixtureUrl(server, 'long-page-ad.html'));
    await waitForBanner(tab);
    expect(await tab.evaluate<boolean>(`document.querySelector('aside').getBoundingClientRect().top > innerHeight`)).toBe(true);
    const details = await session.openDetails(tab);
    await tab.bringToFront();
    const visible = await pollFor('the flagged block in view', 5_000, async () => {
      const ok = await tab.evaluate<boolean>(
        `(() => { const r = document.querySelector('aside').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && scrollY > 0; })()`,
      );
      return ok ? true : undefined;
    });
    expect(visible).toBe(true);
    await details.close();
    await tab.close();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, pollFor, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { expectAccessible, OWN_UI_ROOT, tabRound, type AxeProbe, type AxeScope } from './support/axe';
import { fixtureUrl } from './support/fixtures';
import { OPEN_ALL_DETAILS } from './support/page-text';
import { openOptionsFrom, useExtensionSession } from './support/session';

const SCREENSHOTS = join(DIST_DIR, 'screenshots');

/** the banner's (closed) shadow root, exposed by the test, where its probe stylesheet goes */
const BANNER_ROOT = OWN_UI_ROOT;
const BANNER: AxeScope = { ownUi: 'banner' };
const WHOLE_PAGE: AxeScope = {};
const PAGE_ROOT: AxeProbe = { root: 'document' };
/** what an open “更多说明” disclosure shows (not its summary) */
const disclosed = (details: string) => `${details}[open] > :not(summary), ${details}[open] > :not(summary) *`;

/**
 * axe-core (no serious or critical violations) on the banner, the popup and the options page,
 * in both browsers, also in plain-words / large-text mode; the keyboard walk through the popup.
 * Every axe check is followed by its control: a stylesheet adopted by the same document or
 * shadow root (support/axe.ts) must make axe report a serious violation there, so a run that
 * looks at nothing (a wrong scope, a shadow root axe does not enter, a closed disclosure) fails.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('accessibility (axe-core) in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);
  const visit = async (fixture: string) => track(await e2e.session.open(fixtureUrl(e2e.server, fixture)));
  const inBanner = async <R>(tab: PageDriver, expression: string) => (await tab.inOwnUi<R>('banner', expression)) as R;

  /** only Chromium saves the screenshots (dist/screenshots/*.png), as before */
  async function screenshot(page: PageDriver, name: string, fullPage = false): Promise<void> {
    if (kind !== 'chromium') return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot(join(SCREENSHOTS, name), { fullPage });
  }

  async function adWithPopup(): Promise<{ tab: PageDriver; popup: PageDriver }> {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    return { tab, popup };
  }

  it('the banner, also with its “not a scam” choices open: no serious or critical violations; it announces itself', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    await expectAccessible(tab, 'banner', BANNER, { root: BANNER_ROOT });
    await tab.clickInOwnUi('banner', '[data-action="not-scam"]');
    await expectAccessible(tab, 'banner with “not a scam” open', BANNER, { root: BANNER_ROOT });
    expect(await inBanner<string>(tab, `root.querySelector('.panel').getAttribute('role')`)).toBe('alert');
    // measured again since the probe's sheet went: the banner shows whole, its choices open
    await pollFor('the banner whole', 5_000, async () =>
      (await inBanner<boolean>(tab, `(() => { const p = root.querySelector('.panel'); return p.scrollHeight <= p.clientHeight + 1; })()`)) ? true : undefined,
    );
    await screenshot(tab, 'banner.png');
  });

  it('the popup, also with the report preview and every disclosure open: none; Tab reaches every control, visibly focused, and moves on (no trap)', async () => {
    const { popup } = await adWithPopup();
    await expectAccessible(popup, 'popup', WHOLE_PAGE, PAGE_ROOT);
    await popup.click('[data-testid="report"]');
    await pollFor('the report preview', 10_000, async () =>
      (await popup.evaluate<string>(`document.querySelector('[data-testid="report-text"]').value`)) ? true : undefined,
    );
    await expectAccessible(popup, 'popup with the report preview', WHOLE_PAGE, PAGE_ROOT);
    await screenshot(popup, 'popup.png', true);

    // a false alarm offers GitHub too; the lures' details and "not a scam" open: their controls are reachable as well
    await popup.click('input[name="report-kind"][value="false-alarm"]');
    await pollFor('the GitHub link', 5_000, async () =>
      (await popup.evaluate<boolean>(`document.querySelector('[data-testid="report-open"]').checkVisibility()`)) ? true : undefined,
    );
    expect(await popup.evaluate<number>(OPEN_ALL_DETAILS)).toBeGreaterThan(2);
    await expectAccessible(popup, 'popup with every disclosure open', WHOLE_PAGE, PAGE_ROOT);

    // real Tab key presses from the top of the page until focus leaves it after the last control
    await popup.evaluate(`(() => { window.scrollTo(0, 0); return true; })()`);
    await popup.bringToFront();
    const round = await tabRound(popup, 200);
    expect(round.unoutlined, 'every focused control shows an outline').toEqual([]);
    const ids = ['check-page', 'save-evidence', 'report', 'report-text', 'report-copy', 'report-email', 'report-open', 'more-toggle', 'mute-rule'];
    for (const id of [...ids, 'not-scam-toggle', 'allow-hour', 'allow-page', 'allow-site', 'open-options']) {
      expect(round.reached, `Tab reaches ${id}`).toContain(id);
    }
    expect(round.leftThePage, 'focus moves on past the last control (no trap)').toBe(true);
  });

  it('the options page: none', async () => {
    const { popup } = await adWithPopup();
    const options = await openOptionsFrom(e2e, popup);
    await expectAccessible(options, 'options page', WHOLE_PAGE, PAGE_ROOT);
    await screenshot(options, 'options.png', true);
  });

  it('plain words and large text: the options page, the popup’s plain lines and the banner’s plain sentences (更多说明 closed and open): none', async () => {
    const { popup } = await adWithPopup();
    const options = await openOptionsFrom(e2e, popup);
    await options.click('[data-testid="large-text"]');
    try {
      await pollFor('large text on', 10_000, async () =>
        (await options.evaluate<boolean>(`document.querySelector('[data-testid="large-text"]').checked`)) ? true : undefined,
      );
      await expectAccessible(options, 'options page, plain words', WHOLE_PAGE, PAGE_ROOT);

      // the open popup turns plain: a plain pair of sentences per lure family, the rule text behind “更多说明”
      await pollFor('plain words in the popup', 10_000, async () =>
        (await popup.evaluate<number>(`document.querySelectorAll('[data-testid="plain-explain"]').length`)) > 0 ? true : undefined,
      );
      expect(await popup.evaluate<boolean>(`document.body.classList.contains('large')`)).toBe(true);
      await expectAccessible(popup, 'popup, plain words', WHOLE_PAGE, PAGE_ROOT);
      await popup.click('details[data-testid="more"] summary');
      await pollFor('the popup’s “更多说明” to open', 5_000, async () =>
        (await popup.evaluate<boolean>(`document.querySelector('details[data-testid="more"]').open`)) ? true : undefined,
      );
      await expectAccessible(popup, 'popup, plain words, “更多说明” open', WHOLE_PAGE, { root: 'document', selector: disclosed('details[data-testid="more"]') });

      // a new banner: plain headline and sentences, large text, the lure titles behind a closed “更多说明”
      const tab = await visit('ad.html');
      await waitForBanner(tab);
      expect(await inBanner<boolean>(tab, `root.querySelector('.panel').classList.contains('plain') && root.querySelector('.panel').classList.contains('large')`)).toBe(true);
      expect(await inBanner<number>(tab, `root.querySelectorAll('[data-testid="plain-lines"] li').length`)).toBeGreaterThan(0);
      expect(await inBanner<boolean>(tab, `root.querySelector('details[data-testid="more"]').open`)).toBe(false);
      await expectAccessible(tab, 'banner, plain words', BANNER, { root: BANNER_ROOT });
      await tab.clickInOwnUi('banner', 'details[data-testid="more"] summary');
      await pollFor('the banner’s “更多说明” to open', 5_000, async () =>
        (await inBanner<boolean>(tab, `root.querySelector('details[data-testid="more"]').open`)) ? true : undefined,
      );
      await expectAccessible(tab, 'banner, plain words, “更多说明” open', BANNER, {
        root: BANNER_ROOT,
        // what it discloses is the ad's words in one line with its "+N" button: squeezed as blocks, the words themselves scroll
        selector: `${disclosed('details[data-testid="more"]')}:not(button)`,
        asBlocks: true,
      });
    } finally {
      // back to the default for whatever runs after
      if (await options.evaluate<boolean>(`document.querySelector('[data-testid="large-text"]').checked`)) await options.click('[data-testid="large-text"]');
    }
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectNoBanner,
  pollFor,
  readBanner,
  waitForBanner,
  waitForVerdict,
  type BrowserKind,
  type PageDriver,
} from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { FIXTURES_DIR } from './support/server';
import { openOptionsFrom, useExtensionSession } from './support/session';

/**
 * Scoped "not a scam" decisions from the popup and the banner, rule
 * muting, undo in the options page, and custom rules imported from a file. Real clicks only.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('decisions and options in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  const track = (page: PageDriver) => (e2e.tabs.push(page), page);
  const visit = async (fixture: string) => track(await e2e.session.open(fixtureUrl(e2e.server, fixture)));
  const textOf = (page: PageDriver, selector: string) =>
    page.evaluate<string>(`(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '')`);
  const waitForText = (page: PageDriver, selector: string, accept: (text: string) => boolean, what: string) =>
    pollFor(what, 10_000, async () => {
      const text = await textOf(page, selector);
      return accept(text) ? text : undefined;
    });

  /** the options page, opened by the popup's link (Firefox drives extension pages only when the extension opened them) */
  async function openOptions(tab: PageDriver, openPopup?: PageDriver): Promise<PageDriver> {
    const popup = openPopup ?? track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup);
    return openOptionsFrom(e2e, popup);
  }

  async function undoAll(options: PageDriver): Promise<void> {
    for (let left = await decisionCount(options); left > 0; left = await decisionCount(options)) {
      await options.click('[data-testid="undo-decision"]');
      await pollFor('the decision to go', 5_000, async () => ((await decisionCount(options)) < left ? true : undefined));
    }
  }
  const decisionCount = (options: PageDriver) => options.evaluate<number>(`document.querySelectorAll('[data-testid="decision"]').length`);

  it('popup “not a scam → the whole site, from now on”: the banner goes, and after a reload there is none', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    // one quiet disclosure holds the choices: an hour unless changed
    expect(await popup.evaluate<boolean>(`document.querySelector('[data-testid="not-scam"]').open`)).toBe(false);
    await popup.click('[data-testid="not-scam-toggle"]');
    expect(await popup.evaluate<string>(`document.querySelector('input[name="allow-duration"]:checked').value`)).toBe('hour');
    await popup.click('[data-testid="allow-always"]');
    await popup.click('[data-testid="allow-site"]');
    await waitForText(popup, '[data-testid="decision-done"]', (t) => t.includes('127.0.0.1'), 'the saved decision');
    await pollFor('the banner to go', 5_000, async () => ((await readBanner(tab)) === null ? true : undefined));
    await tab.reload();
    await expectNoBanner(tab);

    // visible and undoable in the options page; after undo the banner is back
    const options = await openOptions(tab, popup);
    const listed = await textOf(options, '[data-testid="decision-list"]');
    expect(listed).toContain('127.0.0.1');
    expect(listed).not.toMatch(/\d{2}:\d{2}/);
    await undoAll(options);
    await tab.reload();
    await waitForBanner(tab);
  });

  it('popup “not a scam → just this page” for the default hour: listed with its expiry', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    await popup.click('[data-testid="not-scam-toggle"]');
    await popup.click('[data-testid="allow-page"]');
    await pollFor('the banner to go', 5_000, async () => ((await readBanner(tab)) === null ? true : undefined));
    const options = await openOptions(tab, popup);
    const listed = await textOf(options, '[data-testid="decision-list"]');
    expect(listed).toContain(tab.url().split('?')[0]);
    expect(listed).toMatch(/\d{2}:\d{2}/);
    await undoAll(options);
  });

  it('banner “not a scam → this whole site” (for 1 hour, the choice it starts with): no banner after a reload, listed with its expiry', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    await tab.clickInOwnUi('banner', '[data-action="not-scam"]');
    expect(await tab.inOwnUi<boolean>('banner', `root.querySelector('input[data-duration="hour"]').checked`)).toBe(true);
    await tab.clickInOwnUi('banner', '[data-action="allow-site"]');
    await pollFor('the banner to go', 5_000, async () => ((await readBanner(tab)) === null ? true : undefined));
    await tab.reload();
    await expectNoBanner(tab);
    // another site still warns; through it, the options page shows the decision with its expiry
    const otherSite = track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html').replace('127.0.0.1', 'localhost')));
    await waitForBanner(otherSite);
    const options = await openOptions(otherSite);
    const listed = await textOf(options, '[data-testid="decision-list"]');
    expect(listed).toContain('127.0.0.1');
    expect(listed).toMatch(/\d{2}:\d{2}/);
    await undoAll(options);
    await tab.reload();
    await waitForBanner(tab);
  });

  it('mute rule in the popup: the rule leaves the explanation and is listed in the options', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    // muting sits in a lure's details, not on the first screen
    const ruleId = await popup.evaluate<string>(`document.querySelector('[data-testid="mute-rule"]').dataset.ruleId`);
    // (a closed disclosure keeps boxes for its content, so ask whether it is rendered)
    expect(await popup.evaluate<boolean>(`document.querySelector('[data-testid="mute-rule"]').checkVisibility()`)).toBe(false);
    await popup.click(`[data-testid="lure"][data-rule-id="${ruleId}"] > details > [data-testid="more-toggle"]`);
    await popup.click(`[data-testid="mute-rule"][data-rule-id="${ruleId}"]`);
    await pollFor('the muted rule to leave the popup', 5_000, async () =>
      (await popup.evaluate<number>(`document.querySelectorAll('[data-testid="lure"][data-rule-id="${ruleId}"]').length`)) === 0 ? true : undefined,
    );
    const options = await openOptions(tab, popup);
    const listed = await waitForText(options, '[data-testid="decision-list"]', (t) => t.includes(ruleId), 'the muted rule in the options');
    expect(listed).toContain(ruleId);
    await undoAll(options);
  });

  it('the banner offers no per-rule muting (that is in the details view)', async () => {
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    await tab.clickInOwnUi('banner', '[data-action="not-scam"]');
    expect(await tab.inOwnUi<string[]>('banner', `[...root.querySelectorAll('.decide button')].map((b) => b.dataset.action)`)).toEqual(['allow-page', 'allow-site']);
  });

  it('custom rules: a bad file is refused naming line and field and changes nothing; a good one warns', async () => {
    await expectNoBanner(await visit('custom-rule.html'));
    const tab = await visit('ad.html');
    await waitForBanner(tab);
    const options = await openOptions(tab);

    await options.uploadFile('[data-testid="rules-file"]', join(FIXTURES_DIR, 'custom-rules-bad.json'));
    const error = await waitForText(options, '[data-testid="rules-status"]', (t) => t.length > 0, 'the import error');
    expect(error).toMatch(/7/);
    expect(error).toContain('weight');
    expect(await options.evaluate<string>(`document.querySelector('[data-testid="rules-status"]').dataset.state`)).toBe('error');
    expect(await textOf(options, '[data-testid="remove-rules"][hidden]')).not.toBeNull();
    await expectNoBanner(await visit('custom-rule.html'));

    await options.uploadFile('[data-testid="rules-file"]', join(FIXTURES_DIR, 'custom-rules-good.json'));
    await waitForText(options, '[data-testid="rules-status"]', (t) => t.includes('custom-zwx-escort'), 'the import confirmation');
    const banner = await waitForBanner(await visit('custom-rule.html'));
    expect(banner.text).toContain('紫薇星护航计划');

    await options.click('[data-testid="remove-rules"]');
    await waitForText(options, '[data-testid="rules-active"]', (t) => !t.includes('custom-zwx-escort'), 'the rules to go');
    await expectNoBanner(await visit('custom-rule.html'));
  });
});

import { describe, expect, it } from 'vitest';
import { pollFor, waitForBanner, waitForVerdict, type BrowserKind } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * model-only-ad.html: a forum thread whose one ad is written in everyday words that no rule of the
 * pack matches (the engine's own scan of the fixture says so, in tests/cli/scan.test.ts). The
 * learned model reads it: the banner warns and quotes the ad's own words, the popup names the
 * lure family and quotes them too; the highlight stays inside the ad's post.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('an ad no rule describes, in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  it('warns, names the family and quotes the phrases that weighed most', async () => {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, 'model-only-ad.html'));
    e2e.tabs.push(tab);
    const banner = await waitForBanner(tab);
    expect(WARNING_LEVELS).toContain(banner.level);
    const highlighted = await pollFor('highlighted phrases', 5_000, async () => {
      const inAd = await tab.evaluate<boolean[] | null>(
        `(() => { const h = [...CSS.highlights.values()][0]; return h ? [...h].map((r) => !!r.startContainer.parentElement?.closest('#ad')) : null; })()`,
      );
      return inAd && inAd.length > 0 ? inAd : undefined;
    });
    expect(highlighted.every(Boolean)).toBe(true);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    const lures = await popup.evaluate<{ id: string; snippets: string[] }[]>(
      `[...document.querySelectorAll('[data-testid="lure"]')].map((l) => ({ id: l.dataset.ruleId, snippets: [...l.querySelectorAll('.own-words q')].map((s) => s.textContent) }))`,
    );
    const families = lures.filter((l) => l.id.startsWith('family-'));
    expect(families.length, JSON.stringify(lures)).toBeGreaterThan(0);
    // a snippet may reach into the post's byline, but never outside the ad's card
    const squash = (t: string): string => t.replace(/\s+/g, '');
    const adText = squash(await tab.evaluate<string>(`document.querySelector('#ad').textContent`));
    for (const snippet of families.flatMap((l) => l.snippets)) expect(adText).toContain(squash(snippet.replace(/^…|…$/g, '')));
    expect(families.some((l) => l.snippets.length > 0)).toBe(true);
    // the banner names the lure in the ad's own words (the phrases the model weighed most, whole words)
    const quotes = (await tab.inOwnUi<string[]>('banner', `[...root.querySelectorAll('q')].map((q) => q.textContent)`)) ?? [];
    expect(quotes.length, banner.text).toBeGreaterThan(0);
    for (const quote of quotes) expect(adText, banner.text).toContain(squash(quote));
  });
});

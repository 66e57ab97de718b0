import { describe, expect, it } from 'vitest';
import { allowUrl, HOUR_MS, listDecisions, muteRule, pageKeyOf, siteKeyOf, undoDecision } from '../../src/shared/decisions';
import { DEFAULT_SETTINGS, isAllowed, parseSettings } from '../../src/shared/settings';

const NOW = 1_800_000_000_000;
const PAGE = 'https://ads.example.com/offer?id=3#contact';

describe('decision scoping', () => {
  it.each([
    [PAGE, 'https://ads.example.com/offer?id=3', 'ads.example.com'],
    ['http://LOANS.Example.org/', 'http://loans.example.org/', 'loans.example.org'],
    ['chrome://settings', undefined, undefined],
    ['about:blank', undefined, undefined],
    ['not a url', undefined, undefined],
    [undefined, undefined, undefined],
  ])('%s → page %s, site %s', (url, page, site) => {
    expect(pageKeyOf(url)).toBe(page);
    expect(siteKeyOf(url)).toBe(site);
  });

  it.each([
    // [scope, duration, url checked, minutes later, allowed?]
    ['site', 'always', 'https://ads.example.com/other', 60 * 24 * 365, true],
    ['site', 'always', 'https://sub.ads.example.com/x', 0, true],
    ['site', 'always', 'https://example.com/', 0, false],
    ['site', 'hour', 'https://ads.example.com/other', 59, true],
    ['site', 'hour', 'https://ads.example.com/other', 61, false],
    ['page', 'always', 'https://ads.example.com/offer?id=3', 0, true],
    ['page', 'always', 'https://ads.example.com/offer?id=3#top', 0, true],
    ['page', 'always', 'https://ads.example.com/offer?id=4', 0, false],
    ['page', 'hour', 'https://ads.example.com/offer?id=3', 30, true],
    ['page', 'hour', 'https://ads.example.com/offer?id=3', 60, false],
  ] as const)('allow %s for %s: %s after %i min → %s', (scope, duration, url, minutes, allowed) => {
    const settings = allowUrl(DEFAULT_SETTINGS, PAGE, scope, duration, NOW);
    expect(isAllowed(settings, url, NOW + minutes * 60_000)).toBe(allowed);
  });

  it('an hour-long allow survives storage and expires from the list', () => {
    const stored = parseSettings(JSON.parse(JSON.stringify(allowUrl(DEFAULT_SETTINGS, PAGE, 'site', 'hour', NOW))));
    expect(listDecisions(stored, NOW)).toEqual([{ kind: 'allow', scope: 'site', value: 'ads.example.com', until: NOW + HOUR_MS }]);
    expect(listDecisions(stored, NOW + HOUR_MS)).toEqual([]);
  });

  it('does nothing for a URL it cannot scope', () => {
    expect(allowUrl(DEFAULT_SETTINGS, 'chrome://newtab', 'site', 'always', NOW)).toBe(DEFAULT_SETTINGS);
  });

  it('allowing again replaces the earlier allow and drops expired ones', () => {
    let s = allowUrl(DEFAULT_SETTINGS, PAGE, 'page', 'hour', NOW);
    s = allowUrl(s, 'https://old.example/', 'site', 'hour', NOW - 2 * HOUR_MS);
    s = allowUrl(s, PAGE, 'page', 'hour', NOW + 10);
    expect(s.timedAllows).toEqual([{ scope: 'page', value: 'https://ads.example.com/offer?id=3', until: NOW + 10 + HOUR_MS }]);
    s = allowUrl(s, PAGE, 'page', 'always', NOW + 20);
    expect(s.timedAllows).toEqual([]);
    expect(s.allowedPages).toEqual(['https://ads.example.com/offer?id=3']);
  });

  it('every decision is listed and undoable', () => {
    let s = allowUrl(DEFAULT_SETTINGS, PAGE, 'site', 'always', NOW);
    s = allowUrl(s, PAGE, 'page', 'always', NOW);
    s = allowUrl(s, 'https://b.example/', 'site', 'hour', NOW);
    s = muteRule(muteRule(s, 'add-wechat'), 'add-wechat');
    const decisions = listDecisions(s, NOW);
    expect(decisions.map((d) => `${d.kind}:${d.value}`)).toEqual([
      'allow:ads.example.com',
      'allow:https://ads.example.com/offer?id=3',
      'allow:b.example',
      'mute:add-wechat',
    ]);
    const undone = decisions.reduce(undoDecision, s);
    expect(listDecisions(undone, NOW)).toEqual([]);
    expect(isAllowed(undone, PAGE, NOW)).toBe(false);
  });
});

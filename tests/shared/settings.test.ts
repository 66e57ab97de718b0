import { describe, expect, it } from 'vitest';
import { DEFAULT_WARN_THRESHOLD } from '../../src/engine';
import { DEFAULT_SETTINGS, isAllowed, loadSettings, parseSettings, saveSettings, SETTINGS_KEY } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';

describe('settings', () => {
  it('defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      autoWarn: true,
      threshold: DEFAULT_WARN_THRESHOLD,
      allowedSites: [],
      allowedPages: [],
      mutedRules: [],
      timedAllows: [],
      largeText: false,
      language: 'auto',
    });
    // written out by hand in settings.ts; the schema's own defaults must agree
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['zh_CN', 'zh_CN'],
    ['en', 'en'],
    ['auto', 'auto'],
    ['fr', 'auto'],
    ['zh-CN', 'auto'],
    [42, 'auto'],
  ])('language %j → %s, the rest kept', (language, expected) => {
    expect(parseSettings({ language, largeText: true })).toEqual({ ...DEFAULT_SETTINGS, largeText: true, language: expected });
  });

  it.each([null, undefined, 'x', 42, [], { autoWarn: 'yes', threshold: 'high' }])('falls back to defaults for %j', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid parts of a corrupt object', () => {
    const parsed = parseSettings({ autoWarn: false, threshold: 900, allowedSites: ['example.com', 42, 'bad host!'], mutedRules: 'all' });
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, autoWarn: false, allowedSites: ['example.com'] });
  });

  it('round-trips through storage', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { threshold: 75 } });
    const loaded = await loadSettings(area);
    expect(loaded.threshold).toBe(75);
    await saveSettings(area, { ...loaded, mutedRules: ['add-wechat'] });
    expect((await loadSettings(area)).mutedRules).toEqual(['add-wechat']);
  });

  it.each([
    ['https://example.com/a', true],
    ['https://news.example.com/a', true],
    ['https://notexample.com/', false],
    ['https://other.org/page?x=1#top', true],
    ['https://other.org/page?x=2', false],
    ['not a url', false],
    [undefined, false],
  ])('allow list: %s → %s', (url, allowed) => {
    const settings = { ...DEFAULT_SETTINGS, allowedSites: ['example.com'], allowedPages: ['https://other.org/page?x=1'] };
    expect(isAllowed(settings, url)).toBe(allowed);
  });
});

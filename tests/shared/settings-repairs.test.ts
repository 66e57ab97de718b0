import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY } from '../../src/shared/settings';
import { settingsRepairs, storedSettingsRepairs } from '../../src/shared/settings-repairs';
import { memoryArea } from '../helpers/memory-area';

describe('settingsRepairs: what a corrupt stored settings object lost', () => {
  it.each([
    ['never saved', undefined, []],
    ['valid settings', { ...DEFAULT_SETTINGS, threshold: 70, allowedSites: ['example.com'] }, []],
    ['a partial but valid object', { threshold: 70 }, []],
    ['a string', 'corrupt', ['settings']],
    ['null', null, ['settings']],
    ['an array', [1, 2], ['settings']],
    ['a wrong type', { threshold: 'high' }, ['threshold']],
    ['out of range', { threshold: 900, autoWarn: false }, ['threshold']],
    ['a list with a bad item', { allowedSites: ['example.com', 42, 'bad host!'] }, ['allowedSites']],
    ['a list that is not a list', { mutedRules: 'all' }, ['mutedRules']],
    ['a truncated timed allow', { timedAllows: [{ scope: 'site', value: 'x.org' }] }, ['timedAllows']],
    ['unknown keys only', { somethingElse: 1 }, []],
  ])('%s', (_, raw, repaired) => {
    expect(settingsRepairs(raw)).toEqual(repaired);
  });

  it('the repaired settings keep every part that still validates', () => {
    const raw = { autoWarn: false, threshold: 'x', allowedSites: ['ok.example', 7], mutedRules: ['rule-a'] };
    expect(parseSettings(raw)).toMatchObject({ autoWarn: false, threshold: DEFAULT_SETTINGS.threshold, allowedSites: ['ok.example'], mutedRules: ['rule-a'] });
    expect(settingsRepairs(raw)).toEqual(['threshold', 'allowedSites']);
  });

  it('reads the stored object', async () => {
    await expect(storedSettingsRepairs(memoryArea({ [SETTINGS_KEY]: 'garbage' }))).resolves.toEqual(['settings']);
    await expect(storedSettingsRepairs(memoryArea({}))).resolves.toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { decideFromBanner } from '../../src/background/decide';
import { isAllowed, loadSettings } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';

describe('decisions from the banner', () => {
  it('allows the sender’s site', async () => {
    const area = memoryArea();
    await decideFromBanner(area, 'https://ads.example/x#y', { scope: 'site', duration: 'always' });
    expect((await loadSettings(area)).allowedSites).toEqual(['ads.example']);
  });

  it('allows the sender’s page for an hour', async () => {
    const area = memoryArea();
    await decideFromBanner(area, 'https://ads.example/x#y', { scope: 'page', duration: 'hour' }, 1_000);
    const settings = await loadSettings(area);
    expect(isAllowed(settings, 'https://ads.example/x', 2_000)).toBe(true);
    expect(isAllowed(settings, 'https://ads.example/other', 2_000)).toBe(false);
    expect(isAllowed(settings, 'https://ads.example/x', 1_000 + 3_600_001)).toBe(false);
  });
});

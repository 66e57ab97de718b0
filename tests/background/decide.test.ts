import { describe, expect, it } from 'vitest';
import { decideFromBanner, muteFromBanner } from '../../src/background/decide';
import { loadSettings } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';
import { TEST_PACK } from '../helpers/test-pack';

describe('decisions from the banner', () => {
  it('allows the sender’s site', async () => {
    const area = memoryArea();
    await decideFromBanner(area, 'https://ads.example/x#y', { scope: 'site', duration: 'always' });
    expect((await loadSettings(area)).allowedSites).toEqual(['ads.example']);
  });

  it('mutes only rules of the pack in use', async () => {
    const area = memoryArea();
    await muteFromBanner(area, TEST_PACK, 'add-wechat');
    await muteFromBanner(area, TEST_PACK, 'not-a-rule');
    expect((await loadSettings(area)).mutedRules).toEqual(['add-wechat']);
  });
});

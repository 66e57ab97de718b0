import { describe, expect, it } from 'vitest';
import { currentVerdict, handleReport, type ReportContext } from '../../src/background/report-handler';
import { TabStore } from '../../src/background/tab-store';
import type { PayloadOf } from '../../src/shared/contract';
import type { BannerShow, TabVerdict } from '../../src/shared/messages';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';
import { AD_TEXT, TEST_PACK, blockReport } from '../helpers/test-pack';

function setup(settings: Record<string, unknown> = {}) {
  const session = memoryArea();
  const badges: [number, TabVerdict][] = [];
  const sent: [number, PayloadOf<typeof BannerShow>][] = [];
  const context: ReportContext = {
    pack: TEST_PACK,
    store: new TabStore(session),
    settingsArea: memoryArea({ [SETTINGS_KEY]: settings }),
    effects: {
      setBadge: async (tabId, view) => void badges.push([tabId, view]),
      showBanner: async (tabId, banner) => void sent.push([tabId, banner]),
    },
  };
  return { context, session, badges, sent };
}

const ad = { frameId: 0, url: 'https://ads.example/x', docId: 'd', replace: true, blocks: [blockReport('b0', AD_TEXT)] };

describe('handleReport', () => {
  it('stores state in the session area, badges the tab and asks the top frame for a banner', async () => {
    const { context, session, badges, sent } = setup();
    const view = await handleReport(context, 5, ad);
    expect(view.level).toBe('high');
    expect(Object.keys(session.data)).toEqual(['tab:5']);
    expect(badges.at(-1)?.[1].flaggedBlocks).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe(5);
    expect(sent[0]?.[1]).toMatchObject({ level: 'high' });
    // the categories behind the titles, for the banner's plain words
    const categories = (sent[0]?.[1] as { categories?: string[] }).categories ?? [];
    expect([...categories].sort()).toEqual(['debt-relief-offer', 'false-promise', 'off-platform', 'upfront-fee']);
  });

  it('does not resend the same banner on every report, but does after a new top document', async () => {
    const { context, sent } = setup();
    await handleReport(context, 5, ad);
    await handleReport(context, 5, { ...ad, frameId: 2, docId: 'sub', blocks: [blockReport('c0', '天气晴')] });
    expect(sent).toHaveLength(1);
    await handleReport(context, 5, { ...ad, docId: 'd2' });
    expect(sent).toHaveLength(2);
  });

  it.each([
    ['autoWarn off', { autoWarn: false }],
    ['allowed site', { allowedSites: ['ads.example'] }],
    ['the page stays under the threshold', { threshold: 60 }],
  ])('no banner when %s', async (_, settings) => {
    const { context, sent, badges } = setup(settings);
    const weak = { ...ad, blocks: [blockReport('b0', 'threshold' in settings ? '我们帮你债务优化' : AD_TEXT)] };
    await handleReport(context, 5, weak);
    expect(sent).toHaveLength(0);
    expect(badges).toHaveLength(1);
  });

  it('a flagged subframe flags the tab; the banner still goes to the top frame', async () => {
    const { context, sent } = setup();
    await handleReport(context, 9, { ...ad, frameId: 4, url: 'https://iframe.example/' });
    expect(sent[0]?.[0]).toBe(9);
  });

  it('sends the banner again when the top frame was not listening yet (an iframe reported first)', async () => {
    const { context, sent } = setup();
    let listening = false;
    context.effects.showBanner = async (tabId, message) => {
      if (!listening) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([tabId, message]);
    };
    await handleReport(context, 5, { ...ad, frameId: 3, docId: 'ad-frame' });
    expect(sent).toHaveLength(0);
    listening = true;
    await handleReport(context, 5, { ...ad, blocks: [], docId: 'top' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[1]).toMatchObject({ level: expect.any(String) });
  });

  it('survives a restarted worker: state comes from storage, not memory', async () => {
    const { context, session } = setup();
    await handleReport(context, 5, ad);
    const restarted = { ...context, store: new TabStore(session) };
    expect((await currentVerdict(restarted, 5)).level).toBe('high');
  });

  it('applies concurrent reports one after another', async () => {
    const { context } = setup();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => handleReport(context, 5, { ...ad, frameId: i + 1, docId: `f${i}`, blocks: [blockReport(`b${i}`, AD_TEXT)] })),
    );
    expect((await currentVerdict(context, 5)).flaggedBlocks).toBe(20);
  });

  it('clearing a tab forgets it', async () => {
    const { context, session } = setup();
    await handleReport(context, 5, ad);
    await context.store.clear(5);
    expect(session.data).toEqual({});
    expect((await currentVerdict(context, 5)).scanned).toBe(false);
  });
});

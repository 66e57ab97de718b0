import { describe, expect, it } from 'vitest';
import { currentVerdict, handleReport, type ReportContext } from '../../src/background/report-handler';
import { mockHandlers, routeMessage } from '../helpers/background-handlers';
import { applyReport, isScanPaused, type IncomingReport, type TabState } from '../../src/background/tab-state';
import { TabStore } from '../../src/background/tab-store';
import { assessTab } from '../../src/background/verdict';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';
import { AD_TEXT, TEST_PACK, blockReport } from '../helpers/test-pack';

/** The background keeps, per tab, whether any frame's scanning is backed off. */

const report = (over: Partial<IncomingReport>): IncomingReport => ({ frameId: 0, docId: 'top', replace: false, blocks: [], ...over });

function replay(reports: IncomingReport[]): TabState | undefined {
  return reports.reduce<TabState | undefined>((state, r) => applyReport(state, r), undefined);
}

describe('throttled frames in the tab state', () => {
  it.each<[string, IncomingReport[], boolean]>([
    ['nothing reported it', [report({ replace: true })], false],
    ['the top frame backs off', [report({ replace: true, throttled: false }), report({ throttled: true })], true],
    ['a subframe backs off', [report({ replace: true }), report({ frameId: 4, docId: 'sub', throttled: true })], true],
    ['the frame is back to normal', [report({ throttled: true }), report({ throttled: false })], false],
    ['one of two frames is back to normal', [report({ throttled: true }), report({ frameId: 4, docId: 'sub', throttled: true }), report({ throttled: false })], true],
    ['a report without the field keeps it', [report({ throttled: true }), report({ blocks: [blockReport('b0', '加微信')] })], true],
    ['a full scan of the same document keeps it', [report({ throttled: true }), report({ replace: true })], true],
    ['a new document in the frame starts unthrottled', [report({ frameId: 4, docId: 'sub', throttled: true }), report({ frameId: 4, docId: 'sub2', replace: true })], false],
  ])('%s', (_, reports, paused) => {
    const state = replay(reports);
    expect(state && isScanPaused(state)).toBe(paused);
    expect(assessTab(TEST_PACK, state, DEFAULT_SETTINGS).view.scanPaused).toBe(paused);
  });

  it('throttling changes nothing about the findings', () => {
    const withAd = applyReport(undefined, report({ replace: true, blocks: [blockReport('b0', AD_TEXT)] }));
    const throttled = applyReport(withAd, report({ throttled: true }));
    const { view } = assessTab(TEST_PACK, throttled, DEFAULT_SETTINGS);
    expect(view).toMatchObject({ level: 'high', flaggedBlocks: 1, scanPaused: true });
  });

  it('an unscanned tab is not paused', () => {
    expect(assessTab(TEST_PACK, undefined, DEFAULT_SETTINGS).view.scanPaused).toBe(false);
  });
});

describe('throttled state across the worker', () => {
  function context(session = memoryArea()): ReportContext & { session: typeof session } {
    return {
      session,
      pack: TEST_PACK,
      store: new TabStore(session),
      settingsArea: memoryArea(),
      effects: { setBadge: async () => undefined, showBanner: async () => undefined },
    };
  }

  it('lives in the session area, so a restarted worker still knows, and goes with the tab state', async () => {
    const first = context();
    await handleReport(first, 9, report({ replace: true, url: 'https://busy.example/' }));
    expect((await handleReport(first, 9, report({ throttled: true }))).scanPaused).toBe(true);
    // a new worker: nothing in memory, the same session area
    const restarted = context(first.session);
    expect((await currentVerdict(restarted, 9)).scanPaused).toBe(true);
    expect((await handleReport(restarted, 9, report({ throttled: false }))).scanPaused).toBe(false);
    await handleReport(restarted, 9, report({ throttled: true }));
    // a navigation clears the tab (background index: tabs.onUpdated 'loading'), the flag with it
    await restarted.store.clear(9);
    expect((await currentVerdict(restarted, 9)).scanPaused).toBe(false);
  });
});

describe('the throttled flag through the router', () => {
  const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
  const pageSender = { id: 'our-id', url: 'https://page.example/', frameId: 3, tab: { id: 7, index: 1, windowId: 1 } };
  const handlers = mockHandlers;

  it('reaches the report handler from a content script', async () => {
    const h = handlers();
    await routeMessage({ type: 'scan/report', docId: 'd', replace: false, blocks: [], throttled: true }, pageSender as never, h, self);
    expect(h['scan/report']).toHaveBeenCalledWith(expect.objectContaining({ throttled: true }), expect.objectContaining({ tabId: 7, frameId: 3, url: 'https://page.example/' }));
  });

  it('is refused when it is not a boolean', () => {
    const h = handlers();
    expect(routeMessage({ type: 'scan/report', docId: 'd', replace: false, blocks: [], throttled: 'yes' }, pageSender as never, h, self)).toBeUndefined();
    expect(h['scan/report']).not.toHaveBeenCalled();
  });
});

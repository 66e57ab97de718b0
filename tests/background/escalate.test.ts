import { describe, expect, it, vi } from 'vitest';
import { ESCALATE_AGAIN_MS, forgetEscalation, reportTamper } from '../../src/background/escalate';
import { applyReport } from '../../src/background/tab-state';
import { TabStore } from '../../src/background/tab-store';
import { assessTab } from '../../src/background/verdict';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { TabVerdict } from '../../src/shared/messages';
import { memoryArea } from '../helpers/memory-area';
import { AD_TEXT, TEST_PACK, blockReport } from '../helpers/test-pack';

/** A page that takes the warning away: noted on the verdict, and one window of our own per tab, never a loop. */
function setUp(start = 1_000_000) {
  const session = memoryArea();
  const store = new TabStore(session);
  const openWarning = vi.fn(async () => undefined);
  let now = start;
  const context = { store, session, openWarning, now: () => now };
  return { context, store, session, openWarning, advance: (ms: number) => (now += ms) };
}

describe('when a page takes the warning away', () => {
  it('the verdict says what it did and when it first did, for the popup and the evidence report', async () => {
    const { context, store } = setUp();
    await store.update(3, (state) => [applyReport(state, { frameId: 0, docId: 'd', replace: true, blocks: [blockReport('b0', AD_TEXT)] }), undefined]);
    await reportTamper(context, 3, 'removed');
    await reportTamper(context, 3, 'covered');
    await reportTamper(context, 3, 'removed');
    const view = assessTab(TEST_PACK, await store.get(3), DEFAULT_SETTINGS).view;
    expect(view.tampered).toEqual({ kinds: ['removed', 'covered'], at: 1_000_000 });
    expect(TabVerdict.safeParse(view).success).toBe(true);
    expect(view.flaggedBlocks, 'the findings are kept').toBeGreaterThan(0);
  });

  it('a page that did nothing has no such note', async () => {
    const { store } = setUp();
    await store.update(3, (state) => [applyReport(state, { frameId: 0, docId: 'd', replace: true, blocks: [] }), undefined]);
    expect(assessTab(TEST_PACK, await store.get(3), DEFAULT_SETTINGS).view.tampered).toBeUndefined();
  });

  it('warns in a window of our own once per tab, however often the page tampers', async () => {
    const { context, openWarning } = setUp();
    expect(await reportTamper(context, 3, 'removed')).toBe(true);
    expect(await reportTamper(context, 3, 'restyled')).toBe(false);
    expect(await reportTamper(context, 4, 'hidden')).toBe(true);
    expect(openWarning.mock.calls).toEqual([[3], [4]]);
  });

  it('a burst of reports opens one window', async () => {
    const { context, openWarning } = setUp();
    await Promise.all((['removed', 'restyled', 'hidden', 'covered'] as const).map((kind) => reportTamper(context, 5, kind)));
    expect(openWarning).toHaveBeenCalledOnce();
  });

  it('a page that reloads itself to tamper again gets no second window for a while (the tab’s state is cleared, the escalation is not)', async () => {
    const { context, store, openWarning, advance } = setUp();
    await reportTamper(context, 3, 'removed');
    await store.clear(3);
    advance(ESCALATE_AGAIN_MS - 1);
    expect(await reportTamper(context, 3, 'removed')).toBe(false);
    expect((await store.get(3))?.tampered?.kinds, 'still noted on the new page').toEqual(['removed']);
    advance(2);
    expect(await reportTamper(context, 3, 'removed')).toBe(true);
    expect(openWarning).toHaveBeenCalledTimes(2);
  });

  it('a closed tab is forgotten', async () => {
    const { context, session, openWarning } = setUp();
    await reportTamper(context, 3, 'removed');
    await forgetEscalation(session, 3);
    expect(await reportTamper(context, 3, 'removed')).toBe(true);
    expect(openWarning).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it } from 'vitest';
import { applyReport, blocksOf, type IncomingReport } from '../../src/background/tab-state';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { assessTab } from '../../src/background/verdict';
import { AD_TEXT, TEST_PACK, blockReport } from '../helpers/test-pack';

const report = (over: Partial<IncomingReport>): IncomingReport => ({ frameId: 0, docId: 'doc-a', replace: true, blocks: [], ...over });

describe('tab state', () => {
  it('aggregates frames, top frame first', () => {
    let state = applyReport(undefined, report({ frameId: 7, docId: 'frame', blocks: [blockReport('b0', '加微信')] }));
    state = applyReport(state, report({ frameId: 0, url: 'https://a.example/', blocks: [blockReport('b0', '债务优化')] }));
    expect(blocksOf(state).map((b) => b.snippets[0]?.text)).toEqual(['债务优化', '加微信']);
    expect(state.topUrl).toBe('https://a.example/');
  });

  it('merges incremental reports and replaces on a full scan', () => {
    let state = applyReport(undefined, report({ blocks: [blockReport('b0', '债务优化')] }));
    state = applyReport(state, report({ replace: false, blocks: [blockReport('b1', '加微信'), blockReport('b0', '停息挂账')] }));
    expect(blocksOf(state).map((b) => b.snippets[0]?.text)).toEqual(['停息挂账', '加微信']);
    state = applyReport(state, report({ replace: true, blocks: [blockReport('b2', '预缴服务费')] }));
    expect(blocksOf(state)).toHaveLength(1);
  });

  it('starts a frame over when a new document reports, even incrementally', () => {
    let state = applyReport(undefined, report({ blocks: [blockReport('b0', '债务优化')] }));
    state = applyReport(state, report({ docId: 'doc-b', replace: false, blocks: [blockReport('b5', '加微信')] }));
    expect(blocksOf(state).map((b) => b.key)).toEqual(['b5']);
  });

  it('does not mutate the previous state', () => {
    const first = applyReport(undefined, report({ blocks: [blockReport('b0', '债务优化')] }));
    const snapshot = structuredClone(first);
    applyReport(first, report({ replace: false, blocks: [blockReport('b1', '加微信')] }));
    expect(first).toEqual(snapshot);
  });
});

describe('assessTab', () => {
  it('scores across frames and collects banner titles from flagged blocks', () => {
    const state = applyReport(undefined, report({ frameId: 3, blocks: [blockReport('b0', AD_TEXT)] }));
    const { view, bannerTitles } = assessTab(TEST_PACK, state, DEFAULT_SETTINGS);
    expect(view.level).toBe('high');
    expect(view.flaggedBlocks).toBe(1);
    expect(bannerTitles).toEqual(expect.arrayContaining(['债务优化', '加微信', '预缴服务费']));
    expect(view.lures.find((l) => l.ruleId === 'add-wechat')?.snippets).toEqual(['加微信']);
  });

  it('honours muted rules and the threshold', () => {
    const state = applyReport(undefined, report({ blocks: [blockReport('b0', AD_TEXT)] }));
    const muted = assessTab(TEST_PACK, state, { ...DEFAULT_SETTINGS, mutedRules: ['add-wechat'] });
    expect(muted.view.lures.map((l) => l.ruleId)).not.toContain('add-wechat');
    const weak = applyReport(undefined, report({ blocks: [blockReport('b0', '债务优化')] }));
    expect(assessTab(TEST_PACK, weak, DEFAULT_SETTINGS).view.flaggedBlocks).toBe(0);
    expect(assessTab(TEST_PACK, weak, { ...DEFAULT_SETTINGS, threshold: 10 }).view.flaggedBlocks).toBe(1);
  });

  it('reports an unscanned tab as such', () => {
    expect(assessTab(TEST_PACK, undefined, DEFAULT_SETTINGS).view).toMatchObject({ scanned: false, level: 'none', lures: [] });
  });
});

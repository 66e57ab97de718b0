import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { CheckPageReply, REPLIES, ToBackground, ToContent, TabVerdict } from '../../src/shared/messages';

const findings = { length: 20, lures: [{ ruleId: 'debt-optimization', start: 0, end: 4, quoted: false, negated: false }], cues: [], contacts: 1 };
const block = { key: 'b1', findings, snippets: [{ ruleId: 'debt-optimization', text: '专业债务优化' }] };

describe('ToBackground', () => {
  it.each([
    ['scan report', { type: 'scan/report', docId: 'd1', replace: true, blocks: [block] }],
    ['empty full scan', { type: 'scan/report', docId: 'd1', replace: true, blocks: [] }],
    ['details', { type: 'banner/openDetails' }],
    ['verdict request', { type: 'tab/getVerdict', tabId: 3 }],
    ['check page', { type: 'tab/checkPage', tabId: 0 }],
  ])('accepts %s', (_, message) => {
    expect(ToBackground.safeParse(message).success).toBe(true);
  });

  it.each([
    ['unknown type', { type: 'scan/explode' }],
    ['no type', { docId: 'd1' }],
    ['not an object', 'scan/report'],
    ['null', null],
    ['negative tab', { type: 'tab/getVerdict', tabId: -1 }],
    ['fractional tab', { type: 'tab/getVerdict', tabId: 1.5 }],
    ['missing docId', { type: 'scan/report', replace: true, blocks: [] }],
    ['empty docId', { type: 'scan/report', docId: '', replace: true, blocks: [] }],
    ['bad cue kind', { type: 'scan/report', docId: 'd', replace: false, blocks: [{ ...block, findings: { ...findings, cues: [{ cueId: 'x', kind: 'evil', start: 0, end: 1 }] } }] }],
    ['span past the block limit', { type: 'scan/report', docId: 'd', replace: false, blocks: [{ ...block, findings: { ...findings, lures: [{ ...findings.lures[0], end: LIMITS.blockChars + 1 }] } }] }],
  ])('rejects %s', (_, message) => {
    expect(ToBackground.safeParse(message).success).toBe(false);
  });

  it.each([
    ['too many blocks', { type: 'scan/report', docId: 'd', replace: true, blocks: Array.from({ length: LIMITS.blocksPerReport + 1 }, () => block) }],
    ['too long a snippet', { type: 'scan/report', docId: 'd', replace: true, blocks: [{ ...block, snippets: [{ ruleId: 'r', text: 'x'.repeat(LIMITS.snippetChars + 1) }] }] }],
    ['too long a docId', { type: 'scan/report', docId: 'd'.repeat(LIMITS.idChars + 1), replace: true, blocks: [] }],
    ['too many hits', { type: 'scan/report', docId: 'd', replace: true, blocks: [{ ...block, findings: { ...findings, lures: Array.from({ length: LIMITS.hitsPerBlock + 1 }, () => findings.lures[0]) } }] }],
  ])('rejects oversized payload: %s', (_, message) => {
    expect(ToBackground.safeParse(message).success).toBe(false);
  });

  it('takes no tabId or frameId from a content report', () => {
    const parsed = ToBackground.parse({ type: 'scan/report', docId: 'd', replace: true, blocks: [], tabId: 9, frameId: 3 });
    expect(parsed).not.toHaveProperty('tabId');
    expect(parsed).not.toHaveProperty('frameId');
  });
});

describe('ToContent', () => {
  it.each([
    [{ type: 'banner/show', level: 'high', titles: ['停息挂账'] }, true],
    [{ type: 'content/rescan' }, true],
    [{ type: 'content/ping' }, true],
    [{ type: 'banner/show', level: 'extreme', titles: [] }, false],
    [{ type: 'banner/show', level: 'high', titles: ['x'.repeat(LIMITS.titleChars + 1)] }, false],
    [{ type: 'banner/show', level: 'high', titles: Array.from({ length: LIMITS.bannerTitles + 1 }, () => 't') }, false],
    [{ type: 'scan/report', docId: 'd', replace: true, blocks: [] }, false],
  ])('%j → %s', (message, ok) => {
    expect(ToContent.safeParse(message).success).toBe(ok);
  });
});

describe('replies', () => {
  it('has a reply schema for every request type', () => {
    const types = [...ToBackground.def.options, ...ToContent.def.options].flatMap((o) => o.shape.type.def.values);
    expect(Object.keys(REPLIES).sort()).toEqual([...types].sort());
  });

  it('validates a check-page reply both ways', () => {
    const verdict: TabVerdict = { scanned: true, level: 'high', score: 90, flaggedBlocks: 1, antiFraudPage: false, reasons: [], lures: [] };
    expect(CheckPageReply.safeParse({ ok: true, verdict }).success).toBe(true);
    expect(CheckPageReply.safeParse({ ok: false, error: 'no page' }).success).toBe(true);
    expect(CheckPageReply.safeParse({ ok: true }).success).toBe(false);
  });
});

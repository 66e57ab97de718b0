import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import {
  BannerOpenDetails,
  BannerShow,
  ContentPing,
  ContentRescan,
  ScanReport,
  TabCheckPage,
  TabGetVerdict,
  TO_BACKGROUND,
  TO_CONTENT,
  TO_OCR_HOST,
  type TabVerdict,
} from '../../src/shared/messages';

const findings = { length: 20, lures: [{ ruleId: 'debt-optimization', start: 0, end: 4, quoted: false, negated: false }], cues: [], contacts: 1 };
const block = { key: 'b1', findings, snippets: [{ ruleId: 'debt-optimization', text: '专业债务优化' }] };

/** the background's requests, parsed as its router parses them: by type, then by that request's schema */
function parsesForBackground(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  const request = TO_BACKGROUND.find((r) => r.type === type);
  return request !== undefined && request.message.safeParse(message).success;
}

describe('requests to the background', () => {
  it.each([
    ['scan report', { type: 'scan/report', docId: 'd1', replace: true, blocks: [block] }],
    ['empty full scan', { type: 'scan/report', docId: 'd1', replace: true, blocks: [] }],
    ['details', { type: 'banner/openDetails' }],
    ['verdict request', { type: 'tab/getVerdict', tabId: 3 }],
    ['check page', { type: 'tab/checkPage', tabId: 0 }],
  ])('accepts %s', (_, message) => {
    expect(parsesForBackground(message)).toBe(true);
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
    ['a content request', { type: 'banner/show', level: 'high', titles: [] }],
  ])('rejects %s', (_, message) => {
    expect(parsesForBackground(message)).toBe(false);
  });

  it.each([
    ['too many blocks', { type: 'scan/report', docId: 'd', replace: true, blocks: Array.from({ length: LIMITS.blocksPerReport + 1 }, () => block) }],
    ['too long a snippet', { type: 'scan/report', docId: 'd', replace: true, blocks: [{ ...block, snippets: [{ ruleId: 'r', text: 'x'.repeat(LIMITS.snippetChars + 1) }] }] }],
    ['too long a docId', { type: 'scan/report', docId: 'd'.repeat(LIMITS.idChars + 1), replace: true, blocks: [] }],
    ['too many hits', { type: 'scan/report', docId: 'd', replace: true, blocks: [{ ...block, findings: { ...findings, lures: Array.from({ length: LIMITS.hitsPerBlock + 1 }, () => findings.lures[0]) } }] }],
  ])('rejects oversized payload: %s', (_, message) => {
    expect(parsesForBackground(message)).toBe(false);
  });

  it('takes no tabId or frameId from a content report', () => {
    const parsed = ScanReport.message.parse({ type: 'scan/report', docId: 'd', replace: true, blocks: [], tabId: 9, frameId: 3 });
    expect(parsed).not.toHaveProperty('tabId');
    expect(parsed).not.toHaveProperty('frameId');
  });
});

describe('requests to a content script', () => {
  it.each([
    [{ type: 'banner/show', level: 'high', titles: ['停息挂账'] }, true],
    [{ type: 'content/rescan' }, true],
    [{ type: 'content/ping' }, true],
    [{ type: 'banner/show', level: 'extreme', titles: [] }, false],
    [{ type: 'banner/show', level: 'high', titles: ['x'.repeat(LIMITS.titleChars + 1)] }, false],
    [{ type: 'banner/show', level: 'high', titles: Array.from({ length: LIMITS.bannerTitles + 1 }, () => 't') }, false],
    [{ type: 'scan/report', docId: 'd', replace: true, blocks: [] }, false],
  ])('%j → %s', (message, ok) => {
    const request = TO_CONTENT.find((r) => r.type === message.type);
    expect(request !== undefined && request.message.safeParse(message).success).toBe(ok);
  });
});

describe('the contract', () => {
  const all = [...TO_BACKGROUND, ...TO_CONTENT, ...TO_OCR_HOST];

  it('names each request once, across every receiver', () => {
    const types = all.map((r) => r.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('has a message schema that carries the request type, and a reply schema, for every request', () => {
    for (const request of all) {
      const typeOnly = request.message.safeParse({ type: request.type });
      const wrongType = request.message.safeParse({ type: `${request.type}-not` });
      // a request with a payload may refuse the bare type, but never accepts another type
      expect(wrongType.success, request.type).toBe(false);
      expect(typeof request.reply.safeParse, request.type).toBe('function');
      if (typeOnly.success) expect(typeOnly.data.type).toBe(request.type);
    }
  });

  it.each([
    [ScanReport, 'content'],
    [BannerOpenDetails, 'top-frame'],
    [TabGetVerdict, 'extension-page'],
    [BannerShow, 'extension'],
  ] as const)('says who may send %s', (request, from) => {
    expect(request.from).toBe(from);
  });

  it('validates replies both ways', () => {
    const verdict: TabVerdict = { scanned: true, level: 'high', score: 90, flaggedBlocks: 1, antiFraudPage: false, reasons: [], lures: [] };
    expect(TabCheckPage.reply.safeParse({ ok: true, verdict }).success).toBe(true);
    expect(TabCheckPage.reply.safeParse({ ok: false, error: 'no page' }).success).toBe(true);
    expect(TabCheckPage.reply.safeParse({ ok: true }).success).toBe(false);
    expect(ContentPing.reply.safeParse({ ok: true, docId: 'd' }).success).toBe(true);
    expect(ContentRescan.reply.safeParse({ ok: true, blocks: -1 }).success).toBe(false);
  });
});

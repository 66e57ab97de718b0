// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createMatcher } from '../../../src/engine/analyze';
import type { TextBlock } from '../../../src/content/scan/extract';
import type { RenderedReading } from '../../../src/content/scan/rendered-text';
import { scanBlocks, type FindingsCache, type RenderedReadingSource } from '../../../src/content/scan/scan-blocks';
import { AD_TEXT, TEST_PACK } from '../../helpers/test-pack';

/** What scanning does with what the rendered reading says (the reading itself: rendered-text.test.ts). */
const matcher = createMatcher(TEST_PACK);
const pacer = { sliceOver: () => false, pause: async () => undefined };

function blockOf(text: string, extra: Partial<TextBlock> = {}): TextBlock {
  const element = document.createElement('p');
  document.body.append(element);
  return { key: `k${Math.random()}`, element, text, ...extra };
}

function source(readings: Map<string, RenderedReading>, hooks: Partial<RenderedReadingSource> = {}): RenderedReadingSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    reader: () => ({
      read: (block: TextBlock) => {
        reads.push(block.text);
        return readings.get(block.text) ?? { text: block.text, hidden: [], splits: 0, unreadable: false };
      },
    }),
    ...hooks,
  };
}

const reading = (text: string, hidden: string[] = [], splits = 0, unreadable = false): RenderedReading => ({ text, hidden, splits, unreadable });

describe('scanBlocks with the rendered reading', () => {
  it('scores what the reader sees: junk between the characters is gone, and it is evasion', async () => {
    const junky = [...AD_TEXT].join('猫');
    const rendering = source(new Map([[junky, reading(AD_TEXT, Array(AD_TEXT.length - 1).fill('猫'), AD_TEXT.length - 1)]]));
    const block = blockOf(junky, { suspect: true });
    const [report] = (await scanBlocks(matcher, [block], new AbortController().signal, pacer, undefined, rendering)) ?? [];
    expect(report?.findings.lures.map((l) => l.ruleId)).toContain('prepay-fee');
    expect(report?.findings.evasion).toBe(true);
    expect(report?.text).toBe(AD_TEXT);
  });

  it('hidden warning words inside an ad do not discount it: they are evasion', async () => {
    const dom = `警惕骗局：${AD_TEXT}`;
    const rendering = source(new Map([[dom, reading(AD_TEXT, ['警惕骗局：'])]]));
    const [report] = (await scanBlocks(matcher, [blockOf(dom)], new AbortController().signal, pacer, undefined, rendering)) ?? [];
    expect(report?.findings.cues.some((c) => c.kind === 'warning')).toBe(false);
    expect(report?.findings.evasion).toBe(true);
  });

  it('one hidden label inside an ordinary block is not evasion', async () => {
    const dom = `${AD_TEXT}（新窗口打开）`;
    const rendering = source(new Map([[dom, reading(AD_TEXT, ['（新窗口打开）'], 0)]]));
    const [report] = (await scanBlocks(matcher, [blockOf(dom)], new AbortController().signal, pacer, undefined, rendering)) ?? [];
    expect(report?.findings.evasion).toBeUndefined();
  });

  it('a lure the reader cannot see is not reported, and is handed on to be looked at again', async () => {
    const onHiddenLure = vi.fn();
    const rendering = source(new Map([[AD_TEXT, reading('', [AD_TEXT])]]), { onHiddenLure });
    const block = blockOf(AD_TEXT);
    expect(await scanBlocks(matcher, [block], new AbortController().signal, pacer, undefined, rendering)).toEqual([]);
    expect(onHiddenLure).toHaveBeenCalledWith(block);
  });

  it('reads again only the blocks that matter: findings, signs of tampering, or a lure read backwards', async () => {
    const rendering = source(new Map());
    const blocks = [
      blockOf('今天天气很好，去公园散步吧'),
      blockOf(AD_TEXT),
      blockOf('一二三四', { suspect: true }),
      blockOf([...'停息挂账'].reverse().join('')),
    ];
    await scanBlocks(matcher, blocks, new AbortController().signal, pacer, undefined, rendering);
    expect(rendering.reads).toEqual([AD_TEXT, '一二三四', '账挂息停']);
  });

  it('hands a block whose drawing the DOM does not hold, with no lure in it, to OCR', async () => {
    const onUnreadable = vi.fn();
    const rendering = source(new Map([['的一是了我不人在他有这个', reading('的一是了我不人在他有这个', [], 0, true)]]), { onUnreadable });
    const block = blockOf('的一是了我不人在他有这个', { suspect: true });
    await scanBlocks(matcher, [block], new AbortController().signal, pacer, undefined, rendering);
    expect(onUnreadable).toHaveBeenCalledWith(block);
  });

  it('keeps the DOM reading where nothing is laid out, and reuses unchanged blocks that needed no reading', async () => {
    const cache: FindingsCache = new WeakMap();
    const nothing: RenderedReadingSource = { reader: () => undefined };
    const ad = blockOf(AD_TEXT);
    const plain = blockOf('今天天气很好');
    const first = await scanBlocks(matcher, [ad, plain], new AbortController().signal, pacer, cache, nothing);
    expect(first?.map((r) => r.key)).toEqual([ad.key]);
    expect(cache.get(plain.element)?.get(0)?.rendered).toBe(false);
    expect(cache.get(ad.element)?.get(0)?.rendered).toBe(true);
  });
});

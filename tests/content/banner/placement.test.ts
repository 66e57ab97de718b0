import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP, overlapArea, placeBanner, placeNextTo, visiblePart, type Box } from '../../../src/content/banner/placement';

/** a banner of fixed area: narrower is taller */
const heightAt = (width: number) => Math.ceil(180_000 / width);
const covers = (box: Box, blocks: readonly Box[], viewport = { width: 1366, height: 768 }) =>
  blocks.reduce((sum, b) => sum + overlapArea(box, visiblePart(b, viewport) ?? { left: 0, top: 0, width: 0, height: 0 }), 0);
const inside = (box: Box, viewport: { width: number; height: number }) =>
  box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width && box.top + box.height <= viewport.height;

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const banner = (viewport: { width: number; height: number }, blocks: Box[], keep?: Parameters<typeof placeBanner>[0]['keep']) =>
  placeBanner({ viewport, blocks, maxWidth: 720, minSideWidth: 300, heightAt, keep });

describe('the banner keeps off the flagged blocks', () => {
  it.each<[string, { width: number; height: number }, Box[], string]>([
    ['an ad lower down: at the top', DESKTOP, [{ left: 400, top: 420, width: 560, height: 300 }], 'top'],
    ['an ad at the top: at the bottom', DESKTOP, [{ left: 400, top: 20, width: 560, height: 300 }], 'bottom'],
    ['a tall centred ad (ad.html at 1366 px): beside it', DESKTOP, [{ left: 400, top: 70, width: 560, height: 660 }], 'right'],
    ['a full-width header over a tall card: beside the card', DESKTOP, [{ left: -4, top: -4, width: 1374, height: 56 }, { left: 375, top: 68, width: 616, height: 690 }], 'right'],
    ['a sidebar ad at the right: at the top or left of it', DESKTOP, [{ left: 1000, top: 0, width: 340, height: 768 }], 'left'],
    ['an ad scrolled clear above: at the top', DESKTOP, [{ left: 400, top: -900, width: 560, height: 400 }], 'top'],
    ['an ad below the fold: at the top', DESKTOP, [{ left: 400, top: 900, width: 560, height: 400 }], 'top'],
  ])('%s', (_, viewport, blocks, side) => {
    const at = banner(viewport, blocks);
    expect(at.side).toBe(side);
    expect(covers(at, blocks, viewport)).toBe(0);
    expect(inside(at, viewport)).toBe(true);
  });

  it('on a phone filled by the ad, it hides as little of it as it can', () => {
    const blocks = [{ left: 0, top: 60, width: 360, height: 1400 }];
    const at = banner(PHONE, blocks);
    expect(at.side).toBe('top');
    expect(at.width).toBe(PHONE.width - 2 * GAP);
    const bottom = { ...at, top: PHONE.height - GAP - at.height };
    expect(covers(at, blocks, PHONE)).toBeLessThan(covers(bottom, blocks, PHONE));
  });

  it('keeps its side while that hides nothing, so it does not jump as the page scrolls', () => {
    const blocks = [{ left: 400, top: 500, width: 560, height: 200 }];
    expect(banner(DESKTOP, blocks).side).toBe('top');
    expect(banner(DESKTOP, blocks, 'bottom').side).toBe('top');
    expect(banner(DESKTOP, [{ left: 400, top: 20, width: 560, height: 200 }], 'right').side).toBe('right');
  });

  it('on a phone where every place covers something, it keeps its side unless another covers much less', () => {
    const blocks = [{ left: 0, top: 100, width: 360, height: 1000 }];
    const top = banner(PHONE, blocks);
    expect(top.side).toBe('top');
    expect(banner(PHONE, blocks, 'bottom').side, 'the bottom covers more, but not much more').toBe('bottom');
    const lower = [{ left: 0, top: 600, width: 360, height: 1000 }];
    expect(banner(PHONE, lower, 'bottom').side, 'the top is free: it moves there').toBe('top');
  });

  it('is never taller than the viewport (it scrolls inside)', () => {
    const at = placeBanner({ viewport: PHONE, blocks: [], maxWidth: 720, minSideWidth: 300, heightAt: () => 5000 });
    expect(at.height).toBe(PHONE.height - 2 * GAP);
    expect(inside(at, PHONE)).toBe(true);
  });

  it('whatever the blocks: on screen, and hiding no more than the top or bottom edge would', () => {
    const box = fc.record({
      left: fc.integer({ min: -500, max: 1500 }),
      top: fc.integer({ min: -1000, max: 1500 }),
      width: fc.integer({ min: 1, max: 1400 }),
      height: fc.integer({ min: 1, max: 1400 }),
    });
    const viewport = fc.record({ width: fc.integer({ min: 320, max: 1920 }), height: fc.integer({ min: 480, max: 1080 }) });
    fc.assert(
      fc.property(viewport, fc.array(box, { maxLength: 6 }), (vp, blocks) => {
        const at = banner(vp, blocks);
        expect(inside(at, vp)).toBe(true);
        const width = Math.min(720, vp.width - 2 * GAP);
        const height = Math.min(heightAt(width), vp.height - 2 * GAP);
        const left = (vp.width - width) / 2;
        const edges = [
          { left, top: GAP, width, height },
          { left, top: vp.height - GAP - height, width, height },
        ];
        expect(covers(at, blocks, vp)).toBeLessThanOrEqual(Math.min(...edges.map((e) => covers(e, blocks, vp))) + 1e-6);
      }),
    );
  });
});

describe('an input caution keeps off the form’s other fields', () => {
  const caution = (viewport: { width: number; height: number }, anchor: Box, avoid: Box[]) =>
    placeNextTo({ viewport, anchor, avoid, maxWidth: 340, heightAt: (w) => Math.ceil(50_000 / w) });
  // ad-with-form.html: name, ID and code fields stacked, labels between
  const stack = (left: number, width: number) =>
    [0, 1, 2].flatMap((i) => [
      { left, top: 200 + i * 80, width, height: 24 },
      { left, top: 228 + i * 80, width, height: 40 },
    ]);

  it('on a desktop: beside the field, covering none of the others', () => {
    const [, , label, idField, ...rest] = stack(340, 320);
    const others = [...stack(340, 320).slice(0, 2), label as Box, ...rest];
    const at = caution(DESKTOP, idField as Box, others);
    expect(at.side).toBe('right');
    expect(covers(at, [idField as Box, ...others])).toBe(0);
  });

  it('on a phone: never over the field itself, and over none of the others when the screen has room', () => {
    const fields = stack(16, 328);
    const idField = fields[3] as Box;
    const others = fields.filter((f) => f !== idField);
    const at = caution(PHONE, idField, others);
    expect(overlapArea(at, idField)).toBe(0);
    expect(covers(at, others, PHONE)).toBe(0);
    expect(inside(at, PHONE)).toBe(true);
  });

  it('when every place covers something, the least covered one', () => {
    const idField = { left: 16, top: 300, width: 328, height: 40 };
    const wall = [{ left: 0, top: 0, width: 360, height: 290 }, { left: 0, top: 350, width: 360, height: 390 }];
    const at = caution(PHONE, idField, wall);
    expect(overlapArea(at, idField)).toBe(0);
    expect(inside(at, PHONE)).toBe(true);
  });
});

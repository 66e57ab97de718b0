/**
 * Where a box of ours (the banner, an input caution) goes so that it hides as little as possible
 * of what it must not hide: the flagged ad for the banner, the form's other fields for a
 * caution. Pure geometry over viewport rectangles, so it is tested without a browser.
 *
 * Each candidate is a place (an edge of the viewport, or beside the thing it is about) and a
 * width; the first candidate that covers nothing wins, otherwise the one that covers least.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** something not to cover; `weight` says how much worse covering it is (1 unless told) */
export interface Obstacle extends Box {
  weight?: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'top' | 'bottom' | 'right' | 'left' | 'below' | 'above';

export interface Placement extends Box {
  side: Side;
}

/** space kept between our box, the viewport's edges and what it is placed beside */
export const GAP = 8;
/** where every place covers something, the current one is kept while it covers at most this much more than the best */
const KEEP_SLACK = 1.5;

export const right = (b: Box) => b.left + b.width;
export const bottom = (b: Box) => b.top + b.height;

/** the area two boxes share */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(right(a), right(b)) - Math.max(a.left, b.left);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `box` cut to the viewport, or undefined when none of it is on screen */
export function visiblePart(box: Box, viewport: Size): Box | undefined {
  const left = Math.max(0, box.left);
  const top = Math.max(0, box.top);
  const width = Math.min(viewport.width, right(box)) - left;
  const height = Math.min(viewport.height, bottom(box)) - top;
  return width > 0 && height > 0 ? { left, top, width, height } : undefined;
}

export function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  return { left, top, width: Math.max(...boxes.map(right)) - left, height: Math.max(...boxes.map(bottom)) - top };
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));

function covered(box: Box, avoid: readonly Obstacle[]): number {
  return avoid.reduce((sum, a) => sum + overlapArea(box, a) * (a.weight ?? 1), 0);
}

/** the part of each obstacle on screen, with its weight */
function onScreen(obstacles: readonly Obstacle[], viewport: Size): Obstacle[] {
  return obstacles.flatMap((o) => {
    const part = visiblePart(o, viewport);
    return part ? [{ ...part, weight: o.weight ?? 1 }] : [];
  });
}

interface Candidate {
  side: Side;
  width: number;
  /** where the box goes once its height at `width` is known */
  place(height: number): { left: number; top: number };
}

/**
 * Picks the first candidate whose box covers none of `avoid`, else the one covering least (the
 * earlier on a tie). `heightAt` measures the box at a width; the height is capped to what fits
 * in the viewport (the box scrolls inside). `keep`: the side chosen last time, so the box does
 * not jump about as the page scrolls.
 */
function choose(candidates: readonly Candidate[], avoid: readonly Obstacle[], viewport: Size, heightAt: (width: number) => number, keep?: Side): Placement {
  const maxHeight = Math.max(0, viewport.height - 2 * GAP);
  const boxes = candidates
    .filter((c) => c.width > 0)
    .map((c) => {
      const height = Math.min(heightAt(c.width), maxHeight);
      const { left, top } = c.place(height);
      const box: Placement = { side: c.side, left, top, width: c.width, height };
      return { box, cost: covered(box, avoid) };
    });
  let best = boxes[0];
  for (const b of boxes) if (best === undefined || b.cost < best.cost) best = b;
  if (!best) return { side: 'top', left: GAP, top: GAP, width: Math.max(0, viewport.width - 2 * GAP), height: 0 };
  // the side it has: kept while it covers nothing, or (where everything covers something, a
  // phone) while it covers not much more than the best, so it does not flip at every scroll
  const kept = boxes.find((b) => b.box.side === keep && (b.cost === 0 || (best.cost > 0 && b.cost <= best.cost * KEEP_SLACK)));
  return (kept ?? best).box;
}

export interface BannerPlacementInput {
  viewport: Size;
  /** the flagged blocks (and what else to keep clear), viewport coordinates, on screen or not */
  blocks: readonly Obstacle[];
  /** the banner's widest width; it is narrower on a narrow viewport */
  maxWidth: number;
  /** the narrowest banner worth putting beside a block */
  minSideWidth: number;
  heightAt(width: number): number;
  keep?: Side;
}

/**
 * The banner: at the top of the viewport while that hides no flagged block (also when the
 * blocks are scrolled clear), else at the bottom, else in the space beside the blocks, else
 * wherever it hides least of them.
 */
export function placeBanner(input: BannerPlacementInput): Placement {
  const { viewport, maxWidth, minSideWidth } = input;
  const avoid = onScreen(input.blocks, viewport);
  const full = Math.min(maxWidth, viewport.width - 2 * GAP);
  const centred = (viewport.width - full) / 2;
  const candidates: Candidate[] = [
    { side: 'top', width: full, place: () => ({ left: centred, top: GAP }) },
    { side: 'bottom', width: full, place: (h) => ({ left: centred, top: viewport.height - GAP - h }) },
  ];
  // beside all the blocks together, then beside each of the largest alone (a full-width
  // header block leaves no side of the union free, yet the card below it may have one)
  const largest = [...avoid].sort((a, b) => b.width * b.height - a.width * a.height).slice(0, 3);
  for (const around of [union(avoid), ...largest]) {
    if (!around) continue;
    const beside = (h: number) => clamp(around.top, GAP, viewport.height - GAP - h);
    const rightSpace = viewport.width - right(around) - 2 * GAP;
    const leftSpace = around.left - 2 * GAP;
    if (rightSpace >= minSideWidth) {
      const width = Math.min(maxWidth, rightSpace);
      candidates.push({ side: 'right', width, place: (h) => ({ left: right(around) + GAP, top: beside(h) }) });
    }
    if (leftSpace >= minSideWidth) {
      const width = Math.min(maxWidth, leftSpace);
      candidates.push({ side: 'left', width, place: (h) => ({ left: around.left - GAP - width, top: beside(h) }) });
    }
  }
  return choose(candidates, avoid, viewport, input.heightAt, input.keep);
}

export interface NextToPlacementInput {
  viewport: Size;
  /** what the box is about (a form field), viewport coordinates */
  anchor: Box;
  /** what it should not cover: the anchor itself is always added */
  avoid: readonly Obstacle[];
  maxWidth: number;
  heightAt(width: number): number;
}

/**
 * A box next to `anchor` (an input caution beside its field): to its right, below, above or to
 * its left, whichever covers none of `avoid`; failing that, along the viewport's top or bottom
 * edge, or wherever it covers least.
 */
export function placeNextTo(input: NextToPlacementInput): Placement {
  const { viewport, anchor, maxWidth } = input;
  const avoid = onScreen([{ ...anchor, weight: 10 }, ...input.avoid], viewport);
  const width = Math.min(maxWidth, viewport.width - 2 * GAP);
  const alongLeft = clamp(anchor.left, GAP, viewport.width - GAP - width);
  const nearTop = (h: number) => clamp(anchor.top, GAP, viewport.height - GAP - h);
  const rightSpace = viewport.width - right(anchor) - 2 * GAP;
  const leftSpace = anchor.left - 2 * GAP;
  const candidates: Candidate[] = [];
  if (rightSpace >= Math.min(width, 240)) {
    const w = Math.min(width, rightSpace);
    candidates.push({ side: 'right', width: w, place: (h) => ({ left: right(anchor) + GAP, top: nearTop(h) }) });
  }
  candidates.push(
    { side: 'below', width, place: () => ({ left: alongLeft, top: bottom(anchor) + GAP }) },
    { side: 'above', width, place: (h) => ({ left: alongLeft, top: anchor.top - GAP - h }) },
  );
  if (leftSpace >= Math.min(width, 240)) {
    const w = Math.min(width, leftSpace);
    candidates.push({ side: 'left', width: w, place: (h) => ({ left: anchor.left - GAP - w, top: nearTop(h) }) });
  }
  // the field in the upper half: the far edge is the bottom, and the other way round
  const upper = anchor.top + anchor.height / 2 < viewport.height / 2;
  const edges: Candidate[] = [
    { side: 'bottom', width, place: (h) => ({ left: (viewport.width - width) / 2, top: viewport.height - GAP - h }) },
    { side: 'top', width, place: () => ({ left: (viewport.width - width) / 2, top: GAP }) },
  ];
  candidates.push(...(upper ? edges : edges.reverse()));
  // below or above must stay on screen to count
  const fits = (c: Candidate, h: number) => {
    const at = c.place(h);
    return at.top >= 0 && at.top + h <= viewport.height;
  };
  const usable = candidates.filter((c) => (c.side !== 'below' && c.side !== 'above') || fits(c, Math.min(input.heightAt(c.width), viewport.height)));
  return choose(usable, avoid, viewport, input.heightAt);
}

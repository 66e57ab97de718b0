/** Stable keys for the elements blocks come from, and the way back from a key to its element. */
import { elementKeyOf } from './text-slices';

const keys = new WeakMap<Element, string>();
/** key → element, for showing a reported block in place without extracting the page again */
const elementsByKey = new Map<string, WeakRef<Element>>();
let nextKey = 0;

/**
 * A feed that keeps replacing its items would grow `elementsByKey` without end (one entry per
 * block ever seen). When it reaches `sweepAt`, entries of elements gone from the document are
 * dropped and the next sweep waits until the map has doubled: amortised O(1) per key, and the
 * map stays under max(TRACKED_KEYS_FLOOR, 2 × the blocks in the document at the last sweep).
 */
export const TRACKED_KEYS_FLOOR = 1024;
let sweepAt = TRACKED_KEYS_FLOOR;

function sweepGoneElements(): void {
  for (const [key, ref] of elementsByKey) {
    if (!ref.deref()?.isConnected) elementsByKey.delete(key);
  }
  sweepAt = Math.max(TRACKED_KEYS_FLOOR, 2 * elementsByKey.size);
}

/** A stable key per element for the life of this content script (new text in it updates the block). */
export function blockKey(element: Element): string {
  let key = keys.get(element);
  if (!key) {
    key = `b${(nextKey++).toString(36)}`;
    keys.set(element, key);
  }
  // also after a sweep dropped an element that has since come back into the document
  if (!elementsByKey.has(key)) {
    elementsByKey.set(key, new WeakRef(element));
    if (elementsByKey.size >= sweepAt) sweepGoneElements();
  }
  return key;
}

/** How many block keys are tracked (for tests of the bound above). */
export function trackedKeyCount(): number {
  return elementsByKey.size;
}

/** The element a block key was given to, while it is still in the document (a slice's key: its element's). */
export function elementForKey(blockOrSliceKey: string): Element | undefined {
  const key = elementKeyOf(blockOrSliceKey);
  const element = elementsByKey.get(key)?.deref();
  if (!element?.isConnected) {
    elementsByKey.delete(key);
    return undefined;
  }
  return element;
}

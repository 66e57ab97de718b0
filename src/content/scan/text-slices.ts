/**
 * Long text read whole, in slices: an element may hold far more text than one block carries to
 * the engine, and what lies past the first slice is read too. Slices overlap, so a phrase cut by
 * one boundary is whole in the next slice, and end at a sentence end where one is near.
 */

/** how much two neighbouring slices share */
export const SLICE_OVERLAP = 200;
/** an element's text past this many slices is not read (a page of megabytes in one element) */
export const MAX_SLICES = 250;
const SENTENCE_END = /[。！？!?；;\n]/g;

/** `text` cut into slices of at most `maxChars`; one slice (the text itself) when it fits. */
export function sliceText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const overlap = Math.min(SLICE_OVERLAP, Math.floor(maxChars / 4));
  const slices: string[] = [];
  let start = 0;
  while (start < text.length && slices.length < MAX_SLICES) {
    let end = Math.min(text.length, start + maxChars);
    if (end < text.length) {
      // end after the last sentence end in the slice's last quarter, if there is one
      const tail = text.slice(start + Math.floor((maxChars * 3) / 4), end);
      let cut = -1;
      for (const match of tail.matchAll(SENTENCE_END)) cut = match.index;
      if (cut >= 0) end = start + Math.floor((maxChars * 3) / 4) + cut + 1;
    }
    slices.push(text.slice(start, end));
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
  }
  return slices;
}

/** Slice n of a block has the key of its element and `~n` after it (slice 0 has the plain key). */
export function sliceKey(key: string, slice: number): string {
  return slice === 0 ? key : `${key}~${slice}`;
}

/** The element's own key in a slice's key. */
export function elementKeyOf(key: string): string {
  const at = key.indexOf('~');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * What the learned model reads: hashed character n-grams of the text, normalised the way the
 * matcher normalises it (width, case, spacing and punctuation folded away, traditional
 * characters folded to simplified) and with every ASCII digit read as 0, so that "3折" and "5折",
 * "2万清10万" and "3万清12万" are the same evidence. Each n-gram keeps where it came from, so an
 * explanation can point at the page's own words.
 */
import { normalizeWithOffsets, type NormalizedText } from '../normalize';

/** n-grams hash into 2^BUCKET_BITS buckets; the model keeps the few thousand that carry weight */
export const BUCKET_BITS = 20;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

/** The text as the model reads it, with the original offset of every character kept. */
export function modelText(input: string, foldPairs: readonly (readonly [number, number])[] = []): NormalizedText {
  const normalized = normalizeWithOffsets(input, foldPairs);
  return { text: normalized.text.replace(/[0-9]/g, '0'), offsets: normalized.offsets };
}

const OPEN_QUOTES = '“「『‘';
const CLOSE_QUOTES = '”」』’';

/**
 * For each character of the model text, whether it stood inside quotation marks in the original:
 * a report or a warning quotes an ad's words, the ad itself says them.
 */
export function quotedMask(original: string, offsets: Int32Array): Uint8Array {
  // only a quotation that closes counts: an opening mark with no partner is a typo or a trick
  const inside = new Uint8Array(original.length);
  const opened: number[] = [];
  let asciiOpen = -1;
  for (let i = 0; i < original.length; i++) {
    const c = original[i] as string;
    if (OPEN_QUOTES.includes(c)) opened.push(i);
    else if (CLOSE_QUOTES.includes(c)) {
      const from = opened.pop();
      if (from !== undefined) inside.fill(1, from, i + 1);
    } else if (c === '"') {
      if (asciiOpen < 0) asciiOpen = i;
      else {
        inside.fill(1, asciiOpen, i + 1);
        asciiOpen = -1;
      }
    }
  }
  const mask = new Uint8Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) mask[i] = inside[offsets[i] as number] as number;
  return mask;
}

/** n-grams wholly inside quotation marks hash apart from the same words said outright */
const QUOTED_SALT = 0x5bd1e995;

/** FNV-1a over the n-gram's code units, folded into the bucket space. */
export function gramId(text: string, start: number, length: number, quoted = false): number {
  let hash = quoted ? QUOTED_SALT : 0x811c9dc5;
  for (let i = start; i < start + length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= length;
  hash = Math.imul(hash, 0x01000193);
  return (hash >>> 0) & BUCKET_MASK;
}

/**
 * Every n-gram of the given orders: `visit(id, start, length)` with start and length in the
 * model text.
 */
export function forEachGram(
  text: string,
  orders: readonly number[],
  visit: (id: number, start: number, length: number) => void,
  quoted?: Uint8Array,
): void {
  for (const order of orders) {
    for (let start = 0; start + order <= text.length; start++) {
      let inside = quoted !== undefined;
      for (let k = start; inside && k < start + order; k++) inside = quoted?.[k] === 1;
      visit(gramId(text, start, order, inside), start, order);
    }
  }
}

/** The distinct n-gram ids of a text, sorted: the model's input. */
export function gramSet(text: string, orders: readonly number[], quoted?: Uint8Array): Uint32Array {
  const ids = new Set<number>();
  forEachGram(text, orders, (id) => ids.add(id), quoted);
  return Uint32Array.from(ids).sort();
}

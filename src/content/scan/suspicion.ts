/**
 * Cheap signs, read from a block's text and markup while extracting, that what the page draws
 * may not be what its DOM text says: text cut into many tiny pieces (junk hidden between the
 * characters, characters reordered by flex/grid or absolute placement), text that reads as
 * gibberish (a web font that draws other glyphs), a block in an ad container. Such a block is
 * read again from rendering after the page has rendered, like a block with findings; nothing
 * here reads computed style or layout.
 */

/** a piece of at most this many non-space characters is tiny */
const TINY_PIECE = 3;
const MIN_TINY_PIECES = 4;

export class Fragmentation {
  private pieces = 0;
  private tiny = 0;
  private lastParent: Node | null = null;

  add(text: string, parent: Node | null): void {
    this.pieces++;
    const chars = text.replace(/\s+/g, '').length;
    if (chars > 0 && chars <= TINY_PIECE && parent !== this.lastParent) this.tiny++;
    this.lastParent = parent;
  }

  /** many of the pieces are tiny runs in an element of their own */
  get fragmented(): boolean {
    return this.tiny >= MIN_TINY_PIECES && this.tiny * 2 >= this.pieces;
  }
}

const LETTER = /\p{L}/u;
const MIN_LETTERS = 8;

/**
 * Text whose characters do not read as language: mostly private-use code points (a font draws
 * them), mostly rare ideographs (extension A, compatibility forms, radicals, astral ideographs),
 * or Latin letters with far too few or too many vowels. Every block of a page passes through
 * here, so it counts in one pass without building arrays.
 */
export function looksLikeGibberish(text: string): boolean {
  let letters = 0;
  let privateUse = 0;
  let rare = 0;
  let latin = 0;
  let vowels = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        letters++;
        latin++;
        if (lower === 0x61 || lower === 0x65 || lower === 0x69 || lower === 0x6f || lower === 0x75 || lower === 0x79) vowels++;
      }
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      letters++;
    } else if (c >= 0xe000 && c <= 0xf8ff) {
      privateUse++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low < 0xdc00 || low > 0xdfff) continue;
      if (c >= 0xd840 && c <= 0xd87f) rare++;
      if (LETTER.test(text.slice(i, i + 2))) letters++;
      i++;
    } else {
      if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2e80 && c <= 0x2fdf)) rare++;
      if (LETTER.test(text[i] as string)) letters++;
    }
  }
  letters += privateUse;
  if (letters < MIN_LETTERS) return false;
  if (privateUse / letters >= 0.3) return true;
  if (rare / letters >= 0.3) return true;
  if (latin / letters >= 0.8 && latin >= 12) {
    const share = vowels / latin;
    if (share < 0.15 || share > 0.7) return true;
  }
  return false;
}

const AD_CONTAINER = /(^|[\s_-])(ad|ads|adv|advert\w*|sponsor\w*|promo\w*|guanggao|tuiguang)([\s_-]|$)/i;
const SPONSORED_LABEL = /广告|推广|赞助|廣告|推廣|贊助|sponsored/i;
const AD_CONTAINER_DEPTH = 4;

/** The block sits in an ad container (by class or id) or carries a sponsored label. */
export function looksLikeAdSlot(element: Element, text: string): boolean {
  if (SPONSORED_LABEL.test(text)) return true;
  let node: Element | null = element;
  for (let depth = 0; node && depth < AD_CONTAINER_DEPTH; depth++, node = node.parentElement) {
    if (node.localName === 'ins' || node.hasAttribute('data-ad') || node.hasAttribute('data-ad-slot')) return true;
    if (AD_CONTAINER.test(node.id) || AD_CONTAINER.test(node.getAttribute('class') ?? '')) return true;
  }
  return false;
}

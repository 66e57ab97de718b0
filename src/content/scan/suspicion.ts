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

const LETTER = /\p{L}/gu;
const PRIVATE_USE = /[\ue000-\uf8ff]/g;
/** CJK outside the unified block most text uses: extension A, compatibility forms, radicals, astral ideographs */
const RARE_CJK = /[\u3400-\u4dbf\uf900-\ufaff\u2e80-\u2fdf]|[\ud840-\ud87f][\udc00-\udfff]/g;
const LATIN = /[a-z]/gi;
const VOWEL = /[aeiouy]/gi;
const MIN_LETTERS = 8;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * Text whose characters do not read as language: mostly private-use code points (a font draws
 * them), mostly rare ideographs, or Latin letters with far too few or too many vowels.
 */
export function looksLikeGibberish(text: string): boolean {
  const letters = count(text, LETTER) + count(text, PRIVATE_USE);
  if (letters < MIN_LETTERS) return false;
  if (count(text, PRIVATE_USE) / letters >= 0.3) return true;
  if (count(text, RARE_CJK) / letters >= 0.3) return true;
  const latin = count(text, LATIN);
  if (latin / letters >= 0.8 && latin >= 12) {
    const vowels = count(text, VOWEL) / latin;
    if (vowels < 0.15 || vowels > 0.7) return true;
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

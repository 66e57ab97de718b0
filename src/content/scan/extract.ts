/**
 * Turns the text of a page into blocks: the smallest element that reads as one unit (an article,
 * a list item, an ad card), so scoring sees an offer with its context. Reads text nodes, the text
 * of form controls, SVG text and the generated content the page's stylesheets declare, ruby base
 * text without its annotations, bidi overrides in drawn order; an element's text past one block's
 * length is read in further slices. Never `innerText` or computed style, which force style and
 * layout for the whole page: hidden text is kept here, and the blocks that matter (findings, or
 * the signs in suspicion.ts) are read again from rendering once the page has rendered
 * (rendered-text.ts), which drops what the reader cannot see.
 *
 * Why this file is long: the walk, the block a piece of text belongs to and the assembly of a
 * block's text share one per-run cache (Extraction) and are read together.
 */
import { asRightToLeftOverride, inVisualOrder } from '../../engine/visual-order';
import { LIMITS } from '../../shared/limits';
import { blockKey } from './block-keys';
import {
  DOCUMENT_POSITION_FOLLOWING,
  ELEMENT_NODE,
  FILTER_ACCEPT,
  FILTER_REJECT,
  FILTER_SKIP,
  SHOW_ELEMENT,
  SHOW_TEXT,
  TEXT_NODE,
} from './dom';
import { FORM_CONTROL_TAGS, formControlText } from './form-text';
import { declaredGeneratedText, type GeneratedText } from './generated-content';
import { openShadowBlocks } from './shadow-text';
import { Fragmentation, looksLikeAdSlot, looksLikeGibberish } from './suspicion';
import { MAX_SLICES, sliceKey, sliceText } from './text-slices';

export interface TextBlock {
  key: string;
  element: Element;
  text: string;
  /** signs that the DOM text may not be what is drawn: read it again from rendering even without findings */
  suspect?: boolean;
  /** which slice of the element's text (absent: the only one) */
  slice?: number;
  /** the text of the open shadow root of `element` */
  shadow?: boolean;
}

export interface ExtractOptions {
  /** our own UI (the banner host): never read */
  isOwnUi?: (element: Element) => boolean;
  maxChars?: number;
}

/** Never drawn as text, or read another way (options through their select, ruby annotations not at all). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas',
  'head', 'title', 'meta', 'link', 'option', 'optgroup', 'datalist', 'rt', 'rp',
  // SVG that is defined but not drawn where it stands
  'desc', 'metadata', 'defs', 'symbol', 'clipPath', 'mask', 'pattern', 'marker', 'filter', 'linearGradient', 'radialGradient',
]);

/** Elements that already read as one unit. */
const UNIT_TAGS = new Set([
  'article', 'section', 'aside', 'li', 'dd', 'dt', 'td', 'th', 'blockquote', 'figure', 'dialog',
  'details', 'header', 'footer', 'form', 'tr',
]);

/** Inline elements never make a block by themselves: their text belongs to the enclosing one. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'label', 'mark', 'q', 'rb', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup',
  'time', 'u', 'var', 'wbr', 'img', 'button', 'input', 'select', 'textarea',
  'svg', 'g', 'text', 'tspan', 'textPath',
]);

const MAX_CLIMB = 8;

/** One run of text: a text node's data, a control's text or generated content, and the element it belongs to. */
interface Piece {
  text: string;
  /** where the text stands, for the block it belongs to */
  owner: Element;
  /** the element drawing it, for line breaks between elements */
  parent: Element | null;
}

/** Some non-space text below `element`; stops at the first, unlike `textContent`, which copies it all. */
function hasText(element: Element): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\S/.test((node as Text).data)) return true;
  return false;
}

/** The per-run view of one document: which element is a block, and each piece's text. */
export class Extraction {
  /** per-run caches: one extraction sees one DOM state */
  private readonly longer = new Map<Element, boolean>();
  private readonly blockOf = new Map<Element, Element>();
  private readonly rejected = new Map<Element, boolean>();
  private readonly rtl = new Map<Element, boolean>();
  private readonly hasBdo: boolean;

  constructor(
    readonly root: Element,
    private readonly options: Required<ExtractOptions>,
    readonly generated: ReadonlyMap<Element, GeneratedText> = new Map(),
  ) {
    this.hasBdo = root.ownerDocument.getElementsByTagName('bdo').length > 0;
  }

  get maxChars(): number {
    return this.options.maxChars;
  }

  isRejected(element: Element): boolean {
    let cached = this.rejected.get(element);
    if (cached === undefined) {
      cached = SKIPPED_TAGS.has(element.localName) || this.options.isOwnUi(element);
      this.rejected.set(element, cached);
    }
    return cached;
  }

  /** Text nodes, form controls and elements with generated text under `start`, in document order. */
  walker(start: Node): TreeWalker {
    const doc = start.ownerDocument ?? (start as Document);
    return doc.createTreeWalker(start, SHOW_ELEMENT | SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === TEXT_NODE) {
          // a text area's text is its value, read as a control
          if (node.parentElement?.localName === 'textarea') return FILTER_SKIP;
          return /\S/.test((node as Text).data) ? FILTER_ACCEPT : FILTER_SKIP;
        }
        const element = node as Element;
        if (this.isRejected(element)) return FILTER_REJECT;
        return FORM_CONTROL_TAGS.has(element.localName) || this.generated.has(element) ? FILTER_ACCEPT : FILTER_SKIP;
      },
    });
  }

  /** The pieces of text under `start` (itself included when it is a control or has generated text). */
  *pieces(start: Node): Generator<Piece> {
    const open: { element: Element; after: string }[] = [];
    const closeUntil = function* (node: Node | null): Generator<Piece> {
      while (open.length > 0) {
        const top = open[open.length - 1] as { element: Element; after: string };
        if (node && top.element.contains(node)) return;
        open.pop();
        yield { text: top.after, owner: top.element, parent: top.element };
      }
    };
    const visit = function* (this: Extraction, node: Node): Generator<Piece> {
      if (node.nodeType === TEXT_NODE) {
        const parent = node.parentElement;
        if (!parent) return;
        yield { text: this.inDrawnDirection((node as Text).data, parent), owner: parent, parent };
        return;
      }
      const element = node as Element;
      if (FORM_CONTROL_TAGS.has(element.localName)) {
        const text = formControlText(element);
        if (/\S/.test(text)) yield { text, owner: element, parent: element };
        return;
      }
      const generated = this.generated.get(element);
      if (generated?.before) yield { text: generated.before, owner: element, parent: element };
      if (generated?.after) open.push({ element, after: generated.after });
    }.bind(this);

    if (start.nodeType === ELEMENT_NODE) yield* visit(start);
    const walker = this.walker(start);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      yield* closeUntil(node);
      yield* visit(node);
    }
    yield* closeUntil(null);
  }

  /** Text inside `<bdo dir=rtl>` is drawn reversed: wrapped so that inVisualOrder reverses it. */
  private inDrawnDirection(text: string, parent: Element): string {
    if (!this.hasBdo) return text;
    let rtl = this.rtl.get(parent);
    if (rtl === undefined) {
      rtl = parent.closest('bdo[dir="rtl" i]') !== null;
      this.rtl.set(parent, rtl);
    }
    return rtl ? asRightToLeftOverride(text) : text;
  }

  /** Is this node inside a skipped ancestor (for roots that start mid-tree)? */
  insideRejected(node: Node): boolean {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (this.isRejected(el)) return true;
      if (el === this.root) break;
    }
    return false;
  }

  /** Is the element's text longer than `limit`? Counts text nodes only until it knows. */
  longerThan(element: Element, limit: number): boolean {
    let longer = this.longer.get(element);
    if (longer === undefined) {
      longer = false;
      const doc = element.ownerDocument;
      const walker = doc.createTreeWalker(element, SHOW_TEXT);
      let length = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        length += (node as Text).data.length;
        if (length > limit) {
          longer = true;
          break;
        }
      }
      this.longer.set(element, longer);
    }
    return longer;
  }

  isCard(element: Element): boolean {
    let withText = 0;
    for (const child of element.children) {
      if (SKIPPED_TAGS.has(child.localName)) continue;
      if (hasText(child) && ++withText >= 2) return true;
    }
    return false;
  }

  /** The block element a piece of text standing in `owner` belongs to. */
  blockFor(owner: Element): Element | undefined {
    let start: Element | null = owner;
    while (start && start !== this.root && INLINE_TAGS.has(start.localName)) start = start.parentElement;
    if (!start) return undefined;
    const cached = this.blockOf.get(start);
    if (cached) return cached;
    let best: Element = start;
    let current: Element | null = start;
    for (let depth = 0; current && depth < MAX_CLIMB; depth++, current = current.parentElement) {
      if (current !== start && this.longerThan(current, this.options.maxChars)) break;
      best = current;
      if (current === this.root || UNIT_TAGS.has(current.localName) || this.isCard(current)) break;
    }
    this.blockOf.set(start, best);
    return best;
  }
}

/** The whole text of one block element: its pieces that belong to no nested block, with line breaks between elements. */
export function* blockTextSteps(
  extraction: Extraction,
  element: Element,
  onPiece?: (piece: Piece) => void,
): Generator<void, string> {
  let text = '';
  let lastParent: Element | null = null;
  let visited = 0;
  const limit = extraction.maxChars * MAX_SLICES;
  for (const piece of extraction.pieces(element)) {
    if (++visited % NODES_PER_CHECK === 0) yield;
    if (text.length >= limit) break;
    if (extraction.blockFor(piece.owner) !== element) continue;
    // text from different elements may belong to different sentences; keep a boundary
    if (lastParent && piece.parent !== lastParent && !sameInlineRun(lastParent, piece.parent)) text += '\n';
    text += piece.text;
    lastParent = piece.parent;
    onPiece?.(piece);
  }
  return inVisualOrder(text);
}

/** How often (in nodes visited) the extraction offers to pause. */
const NODES_PER_CHECK = 64;

/** Does the document use fonts of its own (a web font may draw other glyphs than the DOM holds)? */
function usesPageFonts(doc: Document): boolean {
  const fonts = (doc as Document & { fonts?: { size?: number } }).fonts;
  return typeof fonts?.size === 'number' && fonts.size > 0;
}

/** The blocks `text` makes: one, or a slice each when it is longer than a block. */
function blocksOf(element: Element, text: string, maxChars: number, extra: Omit<TextBlock, 'key' | 'element' | 'text'>): TextBlock[] {
  const key = blockKey(element);
  const slices = sliceText(text, maxChars);
  if (slices.length === 1) return [{ key, element, text, ...extra }];
  return slices.map((slice, i) => ({ key: sliceKey(key, i), element, text: slice, slice: i, ...extra }));
}

/**
 * The extraction as a sequence of steps: it yields every few dozen nodes so a caller can
 * stop when its time slice is used up, and returns the blocks.
 */
function* extractionSteps(start: Node | readonly Node[], options: ExtractOptions): Generator<void, TextBlock[]> {
  const roots: readonly Node[] = Array.isArray(start) ? start : [start as Node];
  const first = roots[0];
  if (!first) return [];
  const doc = first.ownerDocument ?? (first as Document);
  const root: Element | null = doc.body ?? doc.documentElement;
  if (!root) return [];
  const isOwnUi = options.isOwnUi ?? (() => false);
  const maxChars = options.maxChars ?? LIMITS.blockChars;
  const generated = yield* declaredGeneratedText(doc);
  const extraction = new Extraction(root, { isOwnUi, maxChars }, generated);
  let visited = 0;

  // new text may belong to a block that started above the root that changed: re-read whole blocks
  const blockElements = new Set<Element>();
  for (const given of roots) {
    const from = given.contains(root) ? root : given;
    if (!from.isConnected || !root.contains(from)) continue;
    if (from.nodeType === ELEMENT_NODE && extraction.isRejected(from as Element)) continue;
    if (extraction.insideRejected(from)) continue;
    if (from.nodeType === TEXT_NODE) {
      const parent = from.parentElement;
      const block = parent && /\S/.test((from as Text).data) ? extraction.blockFor(parent) : undefined;
      if (block) blockElements.add(block);
      continue;
    }
    for (const piece of extraction.pieces(from)) {
      const block = extraction.blockFor(piece.owner);
      if (block) blockElements.add(block);
      if (++visited % NODES_PER_CHECK === 0) yield;
    }
  }

  const pageFonts = usesPageFonts(doc);
  const blocks: TextBlock[] = [];
  // one root is walked in document order already; sorting thousands of blocks costs a long task
  const ordered = roots.length > 1 ? sortInDocumentOrder([...blockElements]) : [...blockElements];
  for (const element of ordered) {
    // the page may have changed while we paused
    if (!element.isConnected) continue;
    const fragmentation = new Fragmentation();
    const text = yield* blockTextSteps(extraction, element, (piece) => fragmentation.add(piece.text, piece.parent));
    if (!/\S/.test(text)) continue;
    const suspect = fragmentation.fragmented || looksLikeGibberish(text) || (pageFonts && looksLikeAdSlot(element, text));
    blocks.push(...blocksOf(element, text, maxChars, suspect ? { suspect } : {}));
    // a block of one short paragraph never reaches the node count above, and a page of
    // thousands of them must still be read in slices
    yield;
  }
  // text in open shadow roots, which the walk above cannot enter
  const shadowBlocks = yield* openShadowBlocks(roots, { isOwnUi, maxChars: maxChars * MAX_SLICES, keyOf: blockKey });
  for (const block of shadowBlocks) {
    const suspect = looksLikeGibberish(block.text);
    blocks.push(...blocksOf(block.element, block.text, maxChars, { shadow: true, ...(suspect ? { suspect } : {}) }));
    yield;
  }
  return blocks;
}

/**
 * The blocks whose text lies under `roots`, in document order. A block's text is every
 * piece of text whose block it is, so nested blocks never repeat their text.
 */
export function extractBlocks(start: Node | readonly Node[], options: ExtractOptions = {}): TextBlock[] {
  const steps = extractionSteps(start, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Decides when a slice of work is over and waits for the page's turn. */
export interface Pacer {
  sliceOver(): boolean;
  pause(): Promise<void>;
}

/** `extractBlocks` in slices: pauses whenever `pacer` says the slice is over; undefined if aborted. */
export async function extractBlocksSliced(
  start: Node | readonly Node[],
  options: ExtractOptions,
  pacer: Pacer,
  signal: AbortSignal,
): Promise<TextBlock[] | undefined> {
  const steps = extractionSteps(start, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (pacer.sliceOver()) {
      await pacer.pause();
      if (signal.aborted) return undefined;
    }
  }
}

/** Two inline siblings of one line (停息<b>挂账</b>) join without a break. */
export function sameInlineRun(a: Element, b: Element | null): boolean {
  if (!b) return false;
  const lineOf = (el: Element): Element => {
    let current = el;
    while (INLINE_TAGS.has(current.localName) && current.parentElement) current = current.parentElement;
    return current;
  };
  return lineOf(a) === lineOf(b);
}

function sortInDocumentOrder(elements: Element[]): Element[] {
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

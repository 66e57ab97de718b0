/**
 * Turns the visible text of a page into blocks: the smallest element that reads as one unit
 * (an article, a list item, an ad card), so scoring sees an offer with its context.
 * Walks text nodes only; never `innerText`, which forces layout for the whole page.
 */
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
import { openShadowBlocks } from './shadow-text';
import { isHidden } from './visibility';

export interface TextBlock {
  key: string;
  element: Element;
  text: string;
}

export interface ExtractOptions {
  /** our own UI (the banner host): never read */
  isOwnUi?: (element: Element) => boolean;
  maxChars?: number;
}

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'object', 'embed',
  'canvas', 'textarea', 'select', 'option', 'head', 'title', 'meta', 'link',
]);

/** Elements that already read as one unit. */
const UNIT_TAGS = new Set([
  'article', 'section', 'aside', 'li', 'dd', 'dt', 'td', 'th', 'blockquote', 'figure', 'dialog',
  'details', 'header', 'footer', 'form', 'tr',
]);

/** Inline elements never make a block by themselves: their text belongs to the enclosing one. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'label', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup',
  'time', 'u', 'var', 'wbr', 'img', 'button',
]);

const MAX_CLIMB = 8;


/** Some non-space text below `element`; stops at the first, unlike `textContent`, which copies it all. */
function hasText(element: Element): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\S/.test((node as Text).data)) return true;
  return false;
}

class Extraction {
  /** per-run caches: one extraction sees one DOM state */
  private readonly longer = new Map<Element, boolean>();
  private readonly blockOf = new Map<Element, Element>();
  private readonly rejected = new Map<Element, boolean>();

  constructor(
    private readonly root: Element,
    private readonly options: Required<ExtractOptions>,
  ) {}

  isRejected(element: Element): boolean {
    let cached = this.rejected.get(element);
    if (cached === undefined) {
      cached = SKIPPED_TAGS.has(element.localName) || this.options.isOwnUi(element) || isHidden(element);
      this.rejected.set(element, cached);
    }
    return cached;
  }

  walker(start: Node): TreeWalker {
    const doc = start.ownerDocument ?? (start as Document);
    return doc.createTreeWalker(start, SHOW_ELEMENT | SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === TEXT_NODE) {
          return /\S/.test((node as Text).data) ? FILTER_ACCEPT : FILTER_SKIP;
        }
        return this.isRejected(node as Element) ? FILTER_REJECT : FILTER_SKIP;
      },
    });
  }

  /** Is this text node inside a skipped or hidden ancestor (for roots that start mid-tree)? */
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

  blockFor(text: Text): Element | undefined {
    let start: Element | null = text.parentElement;
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

/** How often (in nodes visited) the extraction offers to pause. */
const NODES_PER_CHECK = 64;

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
  const extraction = new Extraction(root, {
    isOwnUi: options.isOwnUi ?? (() => false),
    maxChars: options.maxChars ?? LIMITS.blockChars,
  });
  let visited = 0;

  // new text may belong to a block that started above the root that changed: re-read whole blocks
  const blockElements = new Set<Element>();
  for (const given of roots) {
    const from = given.contains(root) ? root : given;
    if (!from.isConnected || !root.contains(from)) continue;
    if (from.nodeType === ELEMENT_NODE && extraction.isRejected(from as Element)) continue;
    if (extraction.insideRejected(from)) continue;
    if (from.nodeType === TEXT_NODE) {
      const block = /\S/.test((from as Text).data) ? extraction.blockFor(from as Text) : undefined;
      if (block) blockElements.add(block);
      continue;
    }
    const walker = extraction.walker(from);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const block = extraction.blockFor(node as Text);
      if (block) blockElements.add(block);
      if (++visited % NODES_PER_CHECK === 0) yield;
    }
  }

  const maxChars = options.maxChars ?? LIMITS.blockChars;
  const blocks: TextBlock[] = [];
  // one root is walked in document order already; sorting thousands of blocks costs a long task
  const ordered = roots.length > 1 ? sortInDocumentOrder([...blockElements]) : [...blockElements];
  for (const element of ordered) {
    // the page may have changed while we paused
    if (!element.isConnected) continue;
    let text = '';
    let lastParent: Element | null = null;
    const walker = extraction.walker(element);
    for (let node = walker.nextNode(); node && text.length < maxChars; node = walker.nextNode()) {
      if (++visited % NODES_PER_CHECK === 0) yield;
      if (extraction.blockFor(node as Text) !== element) continue;
      const parent = node.parentElement;
      // text from different elements may belong to different sentences; keep a boundary
      if (lastParent && parent !== lastParent && !sameInlineRun(lastParent, parent)) text += '\n';
      text += (node as Text).data;
      lastParent = parent;
    }
    text = text.slice(0, maxChars);
    if (/\S/.test(text)) blocks.push({ key: blockKey(element), element, text });
  }
  // text in open shadow roots, which the walk above cannot enter
  blocks.push(...(yield* openShadowBlocks(roots, { isOwnUi: options.isOwnUi ?? (() => false), maxChars, keyOf: blockKey })));
  return blocks;
}

/**
 * The blocks whose text lies under `roots`, in document order. A block's text is every
 * visible text node whose block it is, so nested blocks never repeat their text.
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
function sameInlineRun(a: Element, b: Element | null): boolean {
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

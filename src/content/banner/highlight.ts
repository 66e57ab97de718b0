/**
 * Shows the lure in place: the matched phrases through the CSS Custom Highlight API (no change
 * to the page's DOM; a constructed stylesheet styles ::highlight) and an outline around the
 * flagged block, drawn in our own shadow host over the page, never inside it.
 */
import type { FlaggedBlock } from '../../shared/messages';
import { elementForKey } from '../scan/block-keys';
import { extractBlocks } from '../scan/extract';

export const HIGHLIGHT_NAME = 'fcs-guard-lure';
export const OUTLINE_ATTRIBUTE = 'data-fcs-outline';
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: #fde272; color: #1d1d1f; text-decoration: underline 2px #b42318; }`;
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

const ownHosts = new WeakSet<Element>();
export function isOutlineHost(node: Node): boolean {
  return node instanceof Element && ownHosts.has(node);
}

/** The phrases of a flagged block: its text at the spans, without the breaks extraction inserts. */
export function phrasesOf(text: string, spans: FlaggedBlock['spans']): string[] {
  const phrases = new Set<string>();
  for (const { start, end } of spans) {
    const phrase = text.slice(start, end).replace(/\n/g, '');
    if (phrase.trim().length > 0) phrases.add(phrase);
  }
  return [...phrases];
}

/** Ranges over the element's text nodes for every occurrence of each phrase, across node boundaries. */
export function rangesFor(doc: Document, element: Element, phrases: readonly string[]): Range[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(element, 0x4, {
    acceptNode: (node) => (SKIPPED.has(node.parentElement?.localName ?? '') ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const locate = (offset: number): [Text, number] | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo];
    return node ? [node, offset - (starts[lo] ?? 0)] : undefined;
  };
  const ranges: Range[] = [];
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      const from = locate(at);
      const to = locate(at + phrase.length - 1);
      if (!from || !to) continue;
      const range = doc.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1] + 1);
      ranges.push(range);
    }
  }
  return ranges;
}

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

export class LureHighlighter {
  private sheet: CSSStyleSheet | undefined;
  private elements: Element[] = [];
  private texts: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly isOwnUi: (element: Element) => boolean,
  ) {}

  /** Highlights the flagged blocks' phrases and outlines the first block; returns how many ranges. */
  show(flagged: readonly FlaggedBlock[]): number {
    this.clear();
    const wanted = new Map(flagged.map((b) => [b.key, b.spans]));
    if (wanted.size === 0) return 0;
    // only the flagged blocks' own subtrees are read again, never the whole page
    const elements = [...wanted.keys()].flatMap((key) => elementForKey(key) ?? []);
    const blocks = elements.length === 0 ? [] : extractBlocks(elements, { isOwnUi: this.isOwnUi }).filter((b) => wanted.has(b.key));
    this.elements = blocks.map((b) => b.element);
    this.texts = blocks.map((b) => b.text);
    const ranges = blocks.flatMap((b) => rangesFor(this.doc, b.element, phrasesOf(b.text, wanted.get(b.key) ?? [])));
    this.paint(ranges);
    for (const element of this.elements) this.outline(element);
    return ranges.length;
  }

  /** Scrolls the first flagged block into view; false when there is none on this page. */
  scrollToFirst(): boolean {
    const first = this.elements.find((e) => e.isConnected);
    if (!first) return false;
    // not smooth: the details tab opens in front, and a background tab may not animate
    first.scrollIntoView({ block: 'center' });
    return true;
  }

  /** the text of the flagged blocks last shown, for the evidence kit */
  flaggedTexts(): string[] {
    return [...this.texts];
  }

  clear(): void {
    registry()?.delete(HIGHLIGHT_NAME);
    for (const child of [...this.doc.documentElement.children]) if (ownHosts.has(child)) child.remove();
    this.elements = [];
    this.texts = [];
  }

  private paint(ranges: Range[]): void {
    const highlights = registry();
    const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!highlights || !HighlightCtor || ranges.length === 0) return;
    try {
      highlights.set(HIGHLIGHT_NAME, new HighlightCtor(...ranges));
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(HIGHLIGHT_CSS);
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
      }
    } catch (error) {
      // a browser without the API (or a page that froze adoptedStyleSheets): the outline remains
      console.debug('fcs-guard: highlight unavailable', error);
    }
  }

  private outline(element: Element): void {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return;
    const view = this.doc.defaultView;
    const host = this.doc.createElement('div');
    ownHosts.add(host);
    host.setAttribute(OUTLINE_ATTRIBUTE, '');
    host.setAttribute('aria-hidden', 'true');
    const style: Record<string, string> = {
      all: 'initial',
      display: 'block',
      position: 'absolute',
      'pointer-events': 'none',
      'z-index': '2147483645',
      top: `${rect.top + (view?.scrollY ?? 0) - 4}px`,
      left: `${rect.left + (view?.scrollX ?? 0) - 4}px`,
      width: `${rect.width + 8}px`,
      height: `${rect.height + 8}px`,
      'box-sizing': 'border-box',
      border: '3px dashed #b42318',
      'border-radius': '6px',
    };
    for (const [property, value] of Object.entries(style)) host.style.setProperty(property, value, 'important');
    host.attachShadow({ mode: 'open' });
    this.doc.documentElement.append(host);
  }
}

function registry(): HighlightRegistry | undefined {
  return (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
}

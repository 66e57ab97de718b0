/**
 * Text inside open shadow roots (ads built as web components), which a light-DOM TreeWalker
 * never enters: one block per shadow root, nested roots included. Kept apart from extract.ts
 * so the light-DOM walk stays as it is; extract.ts appends these blocks to its own.
 * Closed shadow roots stay closed: a page that hides text there hides it from us too.
 * Hidden text is kept here, as in extract.ts: computed style is read only for the blocks that
 * matter, after the page has rendered (rendered-text.ts).
 */
import { isBannerHost } from '../banner/banner';
import { isCautionHost } from '../input-guard/input-guard';
import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  FILTER_ACCEPT,
  FILTER_REJECT,
  FILTER_SKIP,
  SHOW_ELEMENT,
  SHOW_TEXT,
  TEXT_NODE,
} from './dom';

/** our own shadow-root UIs are never page text, whatever the caller's isOwnUi says */
// (in Node, over a happy-dom window, there is no global Element and no UI of ours)
const isOurs = (element: Element) => typeof Element !== 'undefined' && (isBannerHost(element) || isCautionHost(element));

export interface ShadowTextOptions {
  isOwnUi: (element: Element) => boolean;
  maxChars: number;
  keyOf: (element: Element) => string;
}

export interface ShadowBlock {
  key: string;
  element: Element;
  text: string;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'math', 'iframe', 'object', 'embed', 'canvas', 'textarea', 'select', 'option', 'rt', 'rp']);
/** a pathological page nests roots without end; real widgets go a few levels deep */
const MAX_DEPTH = 32;
const MAX_ROOTS = 500;


function openRootOf(element: Element): ShadowRoot | null {
  const root = element.shadowRoot;
  return root && root.mode === 'open' ? root : null;
}

/** how many elements the walk visits between two offers to pause */
const ELEMENTS_PER_STEP = 256;

/**
 * Hosts of open shadow roots under `start` (itself included), not descending into those roots.
 * A sequence of steps: on a long page this walk visits every element, so the walker hands back
 * each element (a filter that skipped most of them would run through the whole document in
 * one `nextNode()` call) and the walk yields every few hundred.
 */
function* hostsUnder(start: Node, options: ShadowTextOptions, found: Element[]): Generator<void, void> {
  if (start.nodeType === ELEMENT_NODE && openRootOf(start as Element) && !isOurs(start as Element) && !options.isOwnUi(start as Element)) {
    found.push(start as Element);
  }
  const doc = start.ownerDocument ?? (start as Document);
  if (start.nodeType !== ELEMENT_NODE && start.nodeType !== DOCUMENT_NODE && start.nodeType !== DOCUMENT_FRAGMENT_NODE) return;
  const walker = doc.createTreeWalker(start, SHOW_ELEMENT, {
    acceptNode: (node) => {
      const element = node as Element;
      return SKIPPED.has(element.localName) || options.isOwnUi(element) || isOurs(element) ? FILTER_REJECT : FILTER_ACCEPT;
    },
  });
  let visited = 0;
  for (let node = walker.nextNode(); node && found.length < MAX_ROOTS; node = walker.nextNode()) {
    if (openRootOf(node as Element)) found.push(node as Element);
    if (++visited % ELEMENTS_PER_STEP === 0) yield;
  }
}

function textOf(root: ShadowRoot, maxChars: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === TEXT_NODE) return /\S/.test((node as Text).data) ? FILTER_ACCEPT : FILTER_SKIP;
      return SKIPPED.has((node as Element).localName) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  let text = '';
  let lastParent: Node | null = null;
  for (let node = walker.nextNode(); node && text.length < maxChars; node = walker.nextNode()) {
    if (lastParent && node.parentNode !== lastParent) text += '\n';
    text += (node as Text).data;
    lastParent = node.parentNode;
  }
  return text.slice(0, maxChars);
}

/**
 * One block per open shadow root under `roots`, nested ones too, in the order found; as steps
 * that yield now and then, like the light-DOM extraction that runs them (extract.ts).
 */
export function* openShadowBlocks(roots: readonly Node[], options: ShadowTextOptions): Generator<void, ShadowBlock[]> {
  const blocks: ShadowBlock[] = [];
  let hosts: Element[] = [];
  for (const root of roots) if (root.isConnected) yield* hostsUnder(root, options, hosts);
  for (let depth = 0, seen = 0; hosts.length > 0 && depth < MAX_DEPTH && seen < MAX_ROOTS; depth++) {
    const next: Element[] = [];
    for (const host of hosts) {
      if (++seen > MAX_ROOTS) break;
      const shadow = openRootOf(host);
      if (!shadow) continue;
      const text = textOf(shadow, options.maxChars);
      if (/\S/.test(text)) blocks.push({ key: options.keyOf(host), element: host, text });
      for (const child of shadow.children) yield* hostsUnder(child, options, next);
    }
    hosts = next;
  }
  return blocks;
}

/**
 * A block read again from rendering: only what the reader can see (visibility.ts), in the order
 * it is drawn where a page reorders it (flex and grid order and placement, row-reverse, absolutely
 * placed pieces, bidi overrides by style), generated content from computed style. What was not
 * drawn is kept apart: hidden runs standing between two visible letters are a sign of evasion, and
 * so is hidden warning vocabulary in an ad (scan-blocks.ts decides). Run for the few blocks that
 * matter, after the page has rendered.
 */
import { asRightToLeftOverride, inVisualOrder } from '../../engine/visual-order';
import { TEXT_NODE } from './dom';
import { Extraction, sameInlineRun, SKIPPED_TAGS, type TextBlock } from './extract';
import { FORM_CONTROL_TAGS, formControlText } from './form-text';
import { contentText } from './generated-content';
import { sliceText } from './text-slices';
import { unquote, VisibilityCheck, type RenderView } from './visibility';

export interface RenderedReading {
  /** what the reader sees, in drawn order */
  text: string;
  /** the text that is not drawn, run by run */
  hidden: string[];
  /** hidden runs standing between two visible letters (junk between the characters of a word) */
  splits: number;
  /** drawn by the page's own font, or as characters placed one by one: the DOM may not hold what is drawn */
  unreadable: boolean;
}

interface Unit {
  text: string;
  /** where it is drawn, asked only when the units are reordered */
  rect?: () => DOMRectReadOnly | undefined;
  /** the element the text stands in, for line breaks */
  parent: Element | null;
}

/** DOM-order record of visible and hidden runs, for counting splits. */
interface Run {
  text: string;
  hidden: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const MIN_PLACED_PIECES = 4;
/** a block drawn by a page font this much (share of its visible letters) counts as drawn by it */
const PAGE_FONT_SHARE = 0.5;

function reorders(style: CSSStyleDeclaration): boolean {
  return /(^|-)(flex|grid)$/.test(style.display);
}

/** `unicode-bidi: bidi-override` (or isolate-override) with `direction: rtl` draws the run reversed */
function drawnRightToLeft(style: CSSStyleDeclaration): boolean {
  return /^(bidi-override|isolate-override)$/.test(style.unicodeBidi) && style.direction === 'rtl';
}

function isPlaced(style: CSSStyleDeclaration): boolean {
  return style.position === 'absolute' || style.position === 'fixed';
}

/** Sorts units by where they are drawn: line by line (top), then left to right. */
function inDrawnOrder(units: Unit[]): Unit[] {
  if (units.every((u) => !u.rect)) return units;
  const placed = units.map((unit, index) => ({ unit, index, rect: unit.rect?.() }));
  placed.sort((a, b) => {
    const ra = a.rect;
    const rb = b.rect;
    if (!ra || !rb) return a.index - b.index;
    const sameLine = Math.abs(ra.top - rb.top) < Math.min(ra.height, rb.height) / 2;
    if (!sameLine) return ra.top - rb.top;
    return ra.left - rb.left || a.index - b.index;
  });
  return placed.map((p) => p.unit);
}

export class RenderedReader {
  private readonly check: VisibilityCheck;

  constructor(
    private readonly extraction: Extraction,
    private readonly view: RenderView,
  ) {
    this.check = new VisibilityCheck(view);
  }

  /** Reads `block` as drawn now. */
  read(block: TextBlock): RenderedReading {
    const runs: Run[] = [];
    const state = { letters: 0, pageFontLetters: 0, placedPieces: 0 };
    const container = block.shadow ? block.element.shadowRoot : block.element;
    let text = '';
    if (container) text = this.join(this.readChildren(container, block, runs, state));
    if (!block.shadow && drawnRightToLeft(this.check.styleOf(block.element))) text = asRightToLeftOverride(text);
    text = inVisualOrder(text);
    if (block.slice !== undefined) text = sliceText(text, this.extraction.maxChars)[block.slice] ?? '';
    const unreadable =
      state.placedPieces >= MIN_PLACED_PIECES || (state.letters > 0 && state.pageFontLetters / state.letters >= PAGE_FONT_SHARE);
    return { text, hidden: runs.filter((r) => r.hidden).map((r) => r.text), splits: countSplits(runs), unreadable };
  }

  private join(units: readonly Unit[]): string {
    let text = '';
    let lastParent: Element | null = null;
    for (const unit of units) {
      if (!unit.text) continue;
      if (lastParent && unit.parent !== lastParent && !sameInlineRun(lastParent, unit.parent)) text += '\n';
      text += unit.text;
      lastParent = unit.parent;
    }
    return text;
  }

  private belongs(owner: Element, block: TextBlock): boolean {
    return block.shadow === true || this.extraction.blockFor(owner) === block.element;
  }

  /** The units under `parent` (an element or the block's shadow root), in drawn order. */
  private readChildren(parent: Element | ShadowRoot, block: TextBlock, runs: Run[], state: { letters: number; pageFontLetters: number; placedPieces: number }): Unit[] {
    const units: Unit[] = [];
    const element = 'localName' in parent ? parent : null;
    let reordered = element ? reorders(this.check.styleOf(element)) : false;
    if (element) this.pseudo(element, '::before', block, units, runs);
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const node = child as Text;
        const owner = node.parentElement;
        if (!owner || !/\S/.test(node.data) || !this.belongs(owner, block)) continue;
        if (owner.localName === 'textarea') continue;
        if (!this.check.textVisible(node)) {
          runs.push({ text: node.data, hidden: true });
          continue;
        }
        runs.push({ text: node.data, hidden: false });
        const letters = node.data.match(/\p{L}/gu)?.length ?? 0;
        state.letters += letters;
        const family = this.check.styleOf(owner).fontFamily.split(',')[0] ?? '';
        if (this.view.isPageFont(unquote(family))) state.pageFontLetters += letters;
        units.push({ text: node.data, parent: owner, rect: () => this.view.textRect(node) });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const childElement = child as Element;
      if (SKIPPED_TAGS.has(childElement.localName)) continue;
      // a nested open shadow root is a block of its own
      if (block.shadow && childElement.shadowRoot?.mode === 'open') continue;
      const childStyle = this.check.styleOf(childElement);
      if (isPlaced(childStyle)) reordered = true;
      if (FORM_CONTROL_TAGS.has(childElement.localName)) {
        const text = formControlText(childElement);
        if (!/\S/.test(text) || !this.belongs(childElement, block)) continue;
        const visible = this.check.elementVisible(childElement);
        runs.push({ text, hidden: !visible });
        if (visible) units.push({ text, parent: childElement, rect: () => this.view.elementRect(childElement) });
        continue;
      }
      const inner = this.readChildren(childElement, block, runs, state);
      if (inner.length === 0) continue;
      let text = this.join(inner);
      if (drawnRightToLeft(childStyle)) text = asRightToLeftOverride(text);
      const short = text.replace(/\s+/g, '').length <= 2;
      if (isPlaced(childStyle) && short) state.placedPieces++;
      // an element whose text is one run keeps its parent for line breaks; a mixed one breaks the line
      units.push({ text, parent: inner.length === 1 ? (inner[0] as Unit).parent : childElement, rect: () => this.view.elementRect(childElement) });
    }
    if (element) this.pseudo(element, '::after', block, units, runs);
    return reordered ? inDrawnOrder(units) : units.map((u) => ({ text: u.text, parent: u.parent }));
  }

  private pseudo(element: Element, which: '::before' | '::after', block: TextBlock, units: Unit[], runs: Run[]): void {
    if (FORM_CONTROL_TAGS.has(element.localName) || !this.belongs(element, block)) return;
    const style = this.view.style(element, which);
    const text = contentText(style.content, element);
    if (!text) return;
    const visible = this.check.elementVisible(element, which);
    runs.push({ text, hidden: !visible });
    if (visible) units.push({ text, parent: element });
  }
}

/** Hidden runs with a visible letter right before and right after them in DOM order. */
export function countSplits(runs: readonly Run[]): number {
  let splits = 0;
  for (let i = 0; i < runs.length; i++) {
    if (!(runs[i] as Run).hidden) continue;
    let j = i;
    while (j < runs.length && (runs[j] as Run).hidden) j++;
    const before = runs[i - 1];
    const after = runs[j];
    if (before && after && LETTER.test(before.text.trimEnd().slice(-1)) && LETTER.test(after.text.trimStart().slice(0, 1))) splits++;
    i = j - 1;
  }
  return splits;
}

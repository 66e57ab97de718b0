/**
 * The warning banner: compact (who warns and how sure, the lure in the ad's own words, the safe
 * step, the official channels, 详情 / 关闭, and a quiet "not a scam"), shown in the page's
 * overlay (overlay.ts) where it keeps off the flagged ad. Built with DOM APIs only; page text
 * is never HTML.
 */
import type { LureCategory } from '../../engine/pack-schema';
import type { Level } from '../../engine/types';
import { decideControls, type DecideDuration, type DecideScope, type DecideStrings } from './decide';
import type { TamperKind } from './guard';
import { isOwnHost } from './own-host';
import { overlayOf } from './overlay';

export interface BannerStrings {
  title: string;
  /** before the ad's own words */
  quotes: string;
  /** before the lure titles, when the ad's words are not at hand (a frame, an image) */
  found: string;
  /** the "+N" button's accessible name; `{n}` stands for the number */
  moreLures: string;
  /** where the outlined ad is, after an arrow towards it */
  pointer: string;
  safePath: string;
  channels: string;
  channel12378: string;
  channel12315: string;
  channel110: string;
  channel12315Web: string;
  dismiss: string;
  details: string;
  /** the "not a scam" choices; without them the banner offers none */
  decide?: DecideStrings;
  /** BCP 47 language of the strings, for screen readers */
  lang?: string;
  /** said when a lure was read from an image */
  foundInImage?: string;
  /** plain-words mode (with large text): a plain sentence per lure category, the words behind "more" */
  plain?: PlainBannerStrings;
}

export interface PlainBannerStrings {
  /** the disclosure that holds the ad's words and the lure titles */
  more: string;
  categories: Record<LureCategory, string>;
}

export interface BannerContent {
  level: Level;
  /** the lures found, as the rule pack names them */
  titles: readonly string[];
  /** the lures in the ad's own words, as the page shows them */
  quotes?: readonly string[];
  /** a lure was read from an image on the page */
  inImage?: boolean;
  /** the lure categories behind the titles, for plain words */
  categories?: readonly LureCategory[];
}

export interface BannerCallbacks {
  onDetails(): void;
  onDismiss(): void;
  onDecide?(scope: DecideScope, duration: DecideDuration): void;
  /** the page removed, hid, restyled or covered the warning (once per kind) */
  onTamper?(kind: TamperKind): void;
}

/** titles named when the ad's own words are not at hand */
const MAX_TITLES = 3;
/** plain sentences shown; the rest behind "+N" */
const MAX_PLAIN_LINES = 3;

/** Our own overlay host (the page's elements are never ours, whatever they carry). */
export function isBannerHost(node: Node): boolean {
  return isOwnHost(node);
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A channel: its number (always shown) and what it is for (shown where the banner is wide enough, always read out). */
function channel(doc: Document, href: string, text: string): HTMLAnchorElement {
  const external = href.startsWith('http');
  const a = element(doc, 'a', undefined, external ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href });
  const space = text.indexOf(' ');
  if (space < 0) a.textContent = text;
  else a.append(element(doc, 'span', text.slice(0, space)), element(doc, 'span', text.slice(space), { class: 'what' }));
  return a;
}

/** "+N": the lures not named here, opened in the details view */
function moreButton(doc: Document, count: number, strings: BannerStrings, onDetails: () => void): HTMLButtonElement[] {
  if (count <= 0) return [];
  const label = strings.moreLures.replace('{n}', String(count));
  const button = element(doc, 'button', `+${count}`, { type: 'button', class: 'count', 'data-action': 'more-lures', 'aria-label': label, title: label });
  button.addEventListener('click', onDetails);
  return [button];
}

/** The lures: the ad's own words (or, failing those, the lure titles) and "+N" for the rest. */
function lureLine(doc: Document, content: BannerContent, strings: BannerStrings, onDetails: () => void): HTMLElement[] {
  const quotes = content.quotes ?? [];
  const total = Math.max(content.titles.length, quotes.length);
  if (total === 0) return [];
  const line = element(doc, 'p', undefined, { class: 'quotes', 'data-testid': 'lures' });
  if (quotes.length > 0) {
    line.append(element(doc, 'span', strings.quotes), ...quotes.map((quote) => element(doc, 'q', quote)));
    line.append(...moreButton(doc, total - quotes.length, strings, onDetails));
  } else {
    const titles = content.titles.slice(0, MAX_TITLES);
    line.append(element(doc, 'span', strings.found), element(doc, 'span', titles.join('、')));
    line.append(...moreButton(doc, total - titles.length, strings, onDetails));
  }
  return [line];
}

function render(doc: Document, content: BannerContent, strings: BannerStrings, callbacks: BannerCallbacks, panel: HTMLElement): void {
  panel.replaceChildren();
  panel.setAttribute('role', 'alert');
  panel.setAttribute('data-level', content.level);
  panel.setAttribute('lang', strings.lang ?? 'zh-CN');
  // plain words come with large text: one setting for older users
  panel.classList.toggle('large', strings.plain !== undefined);
  panel.classList.toggle('plain', strings.plain !== undefined);
  const onDetails = () => callbacks.onDetails();
  panel.append(element(doc, 'h2', strings.title));
  const pointer = element(doc, 'p', undefined, { class: 'pointer', 'data-testid': 'pointer', hidden: '' });
  pointer.append(element(doc, 'span', '', { class: 'arrow', 'aria-hidden': 'true' }), element(doc, 'span', strings.pointer));
  const lures = lureLine(doc, content, strings, onDetails);
  const inImage = content.inImage && strings.foundInImage ? [element(doc, 'p', strings.foundInImage, { 'data-testid': 'found-in-image' })] : [];
  const plain = strings.plain;
  if (plain && content.categories?.length) {
    const sentences = element(doc, 'ul', undefined, { class: 'plain', 'data-testid': 'plain-lines' });
    for (const category of content.categories.slice(0, MAX_PLAIN_LINES)) {
      sentences.append(element(doc, 'li', plain.categories[category], { 'data-category': category }));
    }
    const more = element(doc, 'details', undefined, { 'data-testid': 'more' });
    more.append(element(doc, 'summary', plain.more), ...lures);
    panel.append(pointer, sentences, ...inImage, more);
  } else {
    panel.append(pointer, ...lures, ...inImage);
  }
  panel.append(element(doc, 'p', strings.safePath));
  const channels = element(doc, 'p', undefined, { class: 'channels' });
  channels.append(
    element(doc, 'span', strings.channels),
    channel(doc, 'tel:12378', strings.channel12378),
    channel(doc, 'tel:12315', strings.channel12315),
    channel(doc, 'tel:110', strings.channel110),
    channel(doc, 'https://www.12315.cn', strings.channel12315Web),
  );
  panel.append(channels);
  const actions = element(doc, 'div', undefined, { class: 'actions' });
  const details = element(doc, 'button', strings.details, { type: 'button', class: 'primary', 'data-action': 'details' });
  const dismiss = element(doc, 'button', strings.dismiss, { type: 'button', 'data-action': 'dismiss' });
  details.addEventListener('click', onDetails);
  dismiss.addEventListener('click', () => {
    removeBanner(doc);
    callbacks.onDismiss();
  });
  actions.append(details, dismiss);
  panel.append(actions);
  const onDecide = callbacks.onDecide;
  if (strings.decide && onDecide) {
    const { toggle, panel: choices } = decideControls(doc, strings.decide, (scope, duration) => {
      removeBanner(doc);
      onDecide(scope, duration);
    });
    actions.append(toggle);
    panel.append(choices);
  }
}

/** The banner's box (inside the overlay's closed shadow root), while it shows. */
export function bannerPanel(doc: Document): HTMLElement | undefined {
  return overlayOf(doc).panelElement;
}

/** Shows the banner, or updates it in place if it is already showing; returns its box. */
export function showBanner(doc: Document, content: BannerContent, strings: BannerStrings, callbacks: BannerCallbacks): HTMLElement {
  const overlay = overlayOf(doc);
  overlay.onTamper = (kind) => callbacks.onTamper?.(kind);
  const panel = overlay.panelElement ?? doc.createElement('div');
  acceptOnlyUserInput(panel);
  render(doc, content, strings, callbacks, panel);
  overlay.showPanel(panel, strings.plain !== undefined);
  return panel;
}

export function isBannerShowing(doc: Document): boolean {
  return overlayOf(doc).panelElement !== undefined;
}

export function removeBanner(doc: Document): void {
  overlayOf(doc).hidePanel();
}

const INPUT_EVENTS = [
  'click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'input', 'change', 'submit',
] as const;
const inputGuarded = new WeakSet<Element>();

/**
 * A page cannot reach into the closed shadow root, but it can dispatch events at the host and
 * click where the banner is with synthetic events. Events the browser marks as not from the
 * user (`isTrusted` false) are stopped before any of our handlers see them.
 */
export function acceptOnlyUserInput(panel: HTMLElement): void {
  if (inputGuarded.has(panel)) return;
  inputGuarded.add(panel);
  for (const type of INPUT_EVENTS) {
    panel.addEventListener(
      type,
      (event) => {
        if (event.isTrusted === false) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      },
      { capture: true },
    );
  }
}

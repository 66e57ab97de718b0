/**
 * The warning banner: an open shadow root on a host under <html>, so page CSS cannot restyle
 * it and the page's layout never moves. Built with DOM APIs only; page text is never HTML.
 */
import type { LureCategory } from '../../engine/pack-schema';
import type { Level } from '../../engine/types';
import { BANNER_CSS, HOST_STYLE, unlockTextSpacing } from './styles';
import { acceptOnlyUserInput, keepShowing, stopGuarding } from './guard';
import { decideControls, type DecideDuration, type DecideScope, type DecideStrings } from './decide';

export interface BannerStrings {
  title: string;
  found: string;
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
  /** plain-words mode (with large text): a plain sentence per lure category, the titles behind "more" */
  plain?: PlainBannerStrings;
}

export interface PlainBannerStrings {
  /** the disclosure that holds the detailed lure titles */
  more: string;
  categories: Record<LureCategory, string>;
}

export interface BannerContent {
  level: Level;
  titles: readonly string[];
  /** a lure was read from an image on the page */
  inImage?: boolean;
  /** the rules behind the titles, for "mute this rule" */
  rules?: readonly { ruleId: string; title: string }[];
  /** the lure categories behind the titles, for plain words */
  categories?: readonly LureCategory[];
}

export interface BannerCallbacks {
  onDetails(): void;
  onDismiss(): void;
  onDecide?(scope: DecideScope, duration: DecideDuration): void;
  onMute?(ruleId: string): void;
}

export const BANNER_ATTRIBUTE = 'data-fcs-banner';
const MAX_TITLES = 5;

/** Hosts we created; a page cannot forge membership (it may copy the attribute). */
const ownHosts = new WeakSet<Element>();

export function isBannerHost(node: Node): boolean {
  return node instanceof Element && ownHosts.has(node);
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

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const external = href.startsWith('http');
  return element(doc, 'a', text, external ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href });
}

function findHost(doc: Document): HTMLElement | undefined {
  for (const child of doc.documentElement.children) if (ownHosts.has(child)) return child as HTMLElement;
  return undefined;
}

/** "发现的话术" and the titles; in plain-words mode one plain sentence per category, the titles behind "more". */
function lures(doc: Document, content: BannerContent, strings: BannerStrings): HTMLElement[] {
  if (content.titles.length === 0) return [];
  const list = element(doc, 'ul');
  for (const title of content.titles.slice(0, MAX_TITLES)) list.append(element(doc, 'li', title));
  // a long list would cover the page; the details view has every lure
  if (content.titles.length > MAX_TITLES) list.append(element(doc, 'li', `… +${content.titles.length - MAX_TITLES}`));
  const found = [element(doc, 'p', strings.found), list];
  const inImage = content.inImage && strings.foundInImage ? [element(doc, 'p', strings.foundInImage, { 'data-testid': 'found-in-image' })] : [];
  const plain = strings.plain;
  if (!plain || !content.categories?.length) return [...found, ...inImage];
  const sentences = element(doc, 'ul', undefined, { class: 'plain', 'data-testid': 'plain-lines' });
  for (const category of content.categories) sentences.append(element(doc, 'li', plain.categories[category], { 'data-category': category }));
  const more = element(doc, 'details', undefined, { 'data-testid': 'more' });
  more.append(element(doc, 'summary', plain.more), ...found);
  return [sentences, ...inImage, more];
}

function render(doc: Document, root: ShadowRoot, content: BannerContent, strings: BannerStrings, callbacks: BannerCallbacks): void {
  root.replaceChildren();
  const style = element(doc, 'style', BANNER_CSS);
  const banner = element(doc, 'div', undefined, { class: 'banner', role: 'alert', 'data-level': content.level, lang: strings.lang ?? 'zh-CN' });
  // plain words come with large text: one setting for older users
  if (strings.plain) banner.classList.add('large', 'plain');
  banner.append(element(doc, 'h2', strings.title), ...lures(doc, content, strings));
  banner.append(element(doc, 'p', strings.safePath));
  const channels = element(doc, 'p', undefined, { class: 'channels' });
  channels.append(
    element(doc, 'span', strings.channels),
    link(doc, 'tel:12378', strings.channel12378),
    link(doc, 'tel:12315', strings.channel12315),
    link(doc, 'tel:110', strings.channel110),
    link(doc, 'https://www.12315.cn', strings.channel12315Web),
  );
  banner.append(channels);
  const actions = element(doc, 'div', undefined, { class: 'actions' });
  const details = element(doc, 'button', strings.details, { type: 'button', 'data-action': 'details' });
  const dismiss = element(doc, 'button', strings.dismiss, { type: 'button', 'data-action': 'dismiss' });
  details.addEventListener('click', () => callbacks.onDetails());
  dismiss.addEventListener('click', () => {
    removeBanner(doc);
    callbacks.onDismiss();
  });
  actions.append(details, dismiss);
  banner.append(actions);
  const onDecide = callbacks.onDecide;
  if (strings.decide && onDecide) {
    const onMute = callbacks.onMute;
    const mute =
      onMute && content.rules
        ? {
            rules: content.rules,
            onMute: (ruleId: string) => {
              removeBanner(doc);
              onMute(ruleId);
            },
          }
        : undefined;
    const { toggle, panel } = decideControls(
      doc,
      strings.decide,
      (scope, duration) => {
        removeBanner(doc);
        onDecide(scope, duration);
      },
      mute,
    );
    actions.append(toggle);
    banner.append(panel);
  }
  root.append(style, banner);
}

/** Shows the banner, or updates it in place if it is already showing. */
export function showBanner(doc: Document, content: BannerContent, strings: BannerStrings, callbacks: BannerCallbacks): HTMLElement {
  let host = findHost(doc);
  if (!host) {
    host = doc.createElement('div');
    ownHosts.add(host);
    acceptOnlyUserInput(host.attachShadow({ mode: 'open' }));
    doc.documentElement.append(host);
  }
  // every show: a page may have restyled the host since the last one
  host.style.cssText = '';
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  unlockTextSpacing(host);
  host.setAttribute(BANNER_ATTRIBUTE, content.level);
  if (host.shadowRoot) render(doc, host.shadowRoot, content, strings, callbacks);
  const shown = host;
  keepShowing(doc, shown, BANNER_ATTRIBUTE, () => showBanner(doc, content, strings, callbacks));
  return shown;
}

export function isBannerShowing(doc: Document): boolean {
  return findHost(doc) !== undefined;
}

export function removeBanner(doc: Document): void {
  stopGuarding(doc);
  findHost(doc)?.remove();
}

/**
 * The lures of a tab as cards that answer first: the two or three lure families found, each as
 * the page's own words → what it really means → what to do; everything else (the other lures,
 * what the ad claims, "stop warnings for this lure") waits behind a disclosure. DOM APIs
 * only; snippets are page text.
 */
import { explainLure } from '../engine/explain';
import type { LureCategory } from '../engine/pack-schema';
import type { CompiledPack } from '../engine/types';
import type { MessageKey } from '../shared/i18n';
import { fill, speaksChinese } from '../shared/message-format';
import type { LureView, TabVerdict } from '../shared/messages';
import { PLAIN_CATEGORY } from '../shared/plain-words';

type Translate = (key: MessageKey) => string;

/** lure families shown in full on the first screen */
export const TOP_LURES = 3;
const FAMILY_PREFIX = 'family-';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The lures worth explaining: those that counted, or all of them on a page that did not warn (to say why). */
export function liveLures(view: TabVerdict): LureView[] {
  return view.lures.filter((l) => l.points > 0 || view.flaggedBlocks === 0);
}

/**
 * One lure per family, strongest family first: a rule's lure where the family has one (it quotes
 * the exact words), else the family the model read. The rest keep their order.
 */
export function pickLures(lures: readonly LureView[], count = TOP_LURES): { top: LureView[]; rest: LureView[] } {
  const best = new Map<LureCategory, LureView>();
  for (const lure of [...lures].sort((a, b) => b.points - a.points)) {
    const held = best.get(lure.category);
    const isRule = !lure.ruleId.startsWith(FAMILY_PREFIX) && lure.snippets.length > 0;
    const heldIsRule = held !== undefined && !held.ruleId.startsWith(FAMILY_PREFIX) && held.snippets.length > 0;
    if (!held || (isRule && !heldIsRule)) best.set(lure.category, lure);
  }
  // families the scorer rates alike are ordered by their strongest rule: it has the ad's exact words
  const strength = (category: LureCategory, rules: boolean) =>
    Math.max(0, ...lures.filter((l) => l.category === category && (!rules || !l.ruleId.startsWith(FAMILY_PREFIX))).map((l) => l.points));
  const top = [...best.keys()]
    .sort((a, b) => strength(b, false) - strength(a, false) || strength(b, true) - strength(a, true))
    .slice(0, count)
    .map((category) => best.get(category) as LureView);
  return { top, rest: lures.filter((l) => !top.includes(l)) };
}

function ownWords(doc: Document, snippet: string, t: Translate): HTMLElement {
  const quote = el(doc, 'p', undefined, 'own-words');
  quote.dataset.testid = 'own-words';
  quote.append(el(doc, 'span', t('popupMatched'), 'label'), speaksChinese(t) ? '' : ' ', el(doc, 'q', snippet));
  return quote;
}

function labelled(doc: Document, label: string, text: string, className: string, t: Translate): HTMLElement {
  const line = el(doc, 'p', undefined, className);
  line.append(el(doc, 'strong', `${label}${speaksChinese(t) ? '：' : ': '}`), el(doc, 'span', text));
  return line;
}

function muteButton(doc: Document, lure: LureView, t: Translate): HTMLButtonElement {
  const mute = el(doc, 'button', t('popupMuteRule'), 'secondary');
  mute.type = 'button';
  mute.dataset.testid = 'mute-rule';
  mute.dataset.ruleId = lure.ruleId;
  mute.dataset.title = lure.title;
  return mute;
}

interface CardOptions {
  pack: CompiledPack;
  t: Translate;
  /** the plain-words mode of the `largeText` setting */
  plain: boolean;
  /** a card of the first screen: meaning and advice in view; otherwise behind "more" */
  open: boolean;
}

function lureCard(doc: Document, lure: LureView, { pack, t, plain, open }: CardOptions): HTMLElement {
  const card = el(doc, 'article', undefined, 'lure');
  card.dataset.testid = 'lure';
  card.dataset.ruleId = lure.ruleId;
  card.dataset.category = lure.category;
  card.append(el(doc, 'h3', lure.title));
  if (lure.inImage) {
    const note = el(doc, 'p', t('popupFoundInImage'), 'in-image');
    note.dataset.testid = 'lure-in-image';
    card.append(note);
  }
  const [first, ...others] = lure.snippets;
  if (first !== undefined) card.append(ownWords(doc, first, t));

  const explain = explainLure(pack, lure.ruleId);
  const more = el(doc, 'details');
  more.dataset.testid = 'more';
  const summary = el(doc, 'summary', t('plainMore'));
  summary.dataset.testid = 'more-toggle';
  more.append(summary);
  if (open && plain) {
    const sentences = el(doc, 'p', t(PLAIN_CATEGORY[lure.category]), 'plain');
    sentences.dataset.testid = 'plain-explain';
    card.append(sentences);
  } else if (open && explain) {
    card.append(labelled(doc, t('popupReality'), explain.reality, 'means', t), labelled(doc, t('popupAdvice'), explain.advice, 'todo', t));
  }
  if (explain) {
    const list = el(doc, 'dl');
    list.append(el(doc, 'dt', t('popupClaim')), el(doc, 'dd', explain.claim));
    // what the card does not already show
    if (!open || plain) list.append(el(doc, 'dt', t('popupReality')), el(doc, 'dd', explain.reality), el(doc, 'dt', t('popupAdvice')), el(doc, 'dd', explain.advice));
    more.append(list);
  }
  for (const snippet of others) more.append(ownWords(doc, snippet, t));
  more.append(muteButton(doc, lure, t));
  card.append(more);
  return card;
}

/**
 * Fills the lures section: the top cards, then the others behind one disclosure. A page that
 * only quotes lures (an anti-fraud article) keeps them all behind it, under its own heading.
 */
export function renderLureCards(doc: Document, view: TabVerdict, pack: CompiledPack, t: Translate, plain = false, quoted = false): void {
  const section = doc.querySelector<HTMLElement>('[data-testid="lures"]');
  const top = section?.querySelector<HTMLElement>('.top');
  const others = section?.querySelector<HTMLDetailsElement>('[data-testid="more-lures"]');
  const summary = others?.querySelector('summary');
  const rest = others?.querySelector<HTMLElement>('.rest');
  if (!section || !top || !others || !summary || !rest) return;
  const picked = pickLures(liveLures(view), quoted ? 0 : TOP_LURES);
  const heading = section.querySelector('h2');
  if (heading) heading.textContent = t(quoted ? 'popupQuotedLures' : 'popupLures');
  // the details tab re-renders as the page reports: what the user opened stays open
  const opened = new Set(
    [...section.querySelectorAll<HTMLDetailsElement>('[data-testid="lure"] > details[open]')].map((d) => d.closest<HTMLElement>('[data-testid="lure"]')?.dataset.ruleId),
  );
  section.hidden = picked.top.length + picked.rest.length === 0;
  top.replaceChildren(...picked.top.map((lure) => lureCard(doc, lure, { pack, t, plain, open: true })));
  rest.replaceChildren(...picked.rest.map((lure) => lureCard(doc, lure, { pack, t, plain, open: false })));
  others.hidden = picked.rest.length === 0;
  summary.textContent = fill(t('popupMoreLures'), { count: picked.rest.length });
  for (const card of section.querySelectorAll<HTMLElement>('[data-testid="lure"]')) {
    const details = card.querySelector<HTMLDetailsElement>(':scope > details');
    if (details && opened.has(card.dataset.ruleId)) details.open = true;
  }
}

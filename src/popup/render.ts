/** Builds the popup's content from a verdict. DOM APIs only; snippets are page text. */
import { explainLure } from '../engine/explain';
import type { CompiledPack, ContextReason, Level } from '../engine/types';
import type { LureCategory } from '../engine/pack-schema';
import type { MessageKey } from '../shared/i18n';
import type { LureView, TabVerdict } from '../shared/messages';
import { PLAIN_CATEGORY } from '../shared/plain-words';

type Translate = (key: MessageKey) => string;

const LEVEL_LABELS: Record<Level, MessageKey> = {
  none: 'levelNone',
  low: 'levelLow',
  medium: 'levelMedium',
  high: 'levelHigh',
};

export const CATEGORY_LABELS: Record<LureCategory, MessageKey> = {
  'false-promise': 'categoryFalsePromise',
  'upfront-fee': 'categoryUpfrontFee',
  'data-harvest': 'categoryDataHarvest',
  'forgery-coaching': 'categoryForgeryCoaching',
  'off-platform': 'categoryOffPlatform',
  'debt-relief-offer': 'categoryDebtReliefOffer',
};

const REASON_LABELS: Record<ContextReason, MessageKey> = {
  quoted: 'popupReasonQuoted',
  negated: 'popupReasonNegated',
  'warning-context': 'popupReasonWarning',
  'own-lender': 'popupReasonOwnLender',
  'anti-fraud-page': 'popupReasonAntiFraud',
  'hidden-text': 'popupReasonHiddenText',
};

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function renderVerdict(doc: Document, view: TabVerdict, t: Translate): void {
  const verdict = doc.querySelector<HTMLElement>('[data-testid="verdict"]');
  if (!verdict) return;
  verdict.dataset.level = view.level;
  verdict.replaceChildren(
    el(doc, 'span', t(view.scanned ? LEVEL_LABELS[view.level] : 'levelUnknown')),
    el(doc, 'span', view.level, 'level-word'),
  );

  const hidden = doc.querySelector<HTMLElement>('[data-testid="hidden-text"]');
  if (hidden) {
    // a warned page that hides text from the reader inside the ad: say so, it is part of the evidence
    hidden.hidden = !(view.flaggedBlocks > 0 && view.reasons.includes('hidden-text'));
    hidden.textContent = hidden.hidden ? '' : t('popupReasonHiddenText');
  }

  const note = doc.querySelector<HTMLElement>('[data-testid="anti-fraud"]');
  if (note) {
    const explained = view.flaggedBlocks === 0 && (view.antiFraudPage || (view.lures.length > 0 && view.reasons.length > 0));
    note.hidden = !explained;
    note.replaceChildren();
    if (explained) {
      if (view.antiFraudPage) note.append(el(doc, 'span', t('popupAntiFraud')));
      for (const reason of view.reasons) note.append(' ', el(doc, 'span', t(REASON_LABELS[reason])));
    }
  }
}

function renderLure(doc: Document, lure: LureView, pack: CompiledPack, t: Translate, plain: boolean): HTMLElement {
  const card = el(doc, 'article', undefined, 'lure');
  card.dataset.testid = 'lure';
  card.dataset.ruleId = lure.ruleId;
  card.append(el(doc, 'h4', lure.title));
  if (lure.inImage) {
    const note = el(doc, 'p', t('popupFoundInImage'), 'in-image');
    note.dataset.testid = 'lure-in-image';
    card.append(note);
  }
  for (const snippet of lure.snippets) {
    const p = el(doc, 'p', undefined, 'snippet');
    p.append(el(doc, 'strong', `${t('popupMatched')}：`), el(doc, 'span', snippet));
    card.append(p);
  }
  const explain = explainLure(pack, lure.ruleId);
  if (explain) {
    const list = el(doc, 'dl');
    list.append(
      el(doc, 'dt', t('popupClaim')), el(doc, 'dd', explain.claim),
      el(doc, 'dt', t('popupReality')), el(doc, 'dd', explain.reality),
      el(doc, 'dt', t('popupAdvice')), el(doc, 'dd', explain.advice),
    );
    if (plain) {
      // plain words: the group's two sentences say it; the rule's own text waits behind "more"
      const more = el(doc, 'details');
      more.dataset.testid = 'more';
      more.append(el(doc, 'summary', t('plainMore')), list);
      card.append(more);
    } else {
      card.append(list);
    }
  }
  const mute = el(doc, 'button', t('popupMuteRule'), 'secondary');
  mute.type = 'button';
  mute.dataset.testid = 'mute-rule';
  mute.dataset.ruleId = lure.ruleId;
  mute.dataset.title = lure.title;
  card.append(mute);
  return card;
}

/** `plain`: the plain-words mode of the `largeText` setting */
export function renderLures(doc: Document, view: TabVerdict, pack: CompiledPack, t: Translate, plain = false): void {
  const section = doc.querySelector<HTMLElement>('[data-testid="lures"]');
  const heading = doc.getElementById('lures-heading');
  if (!section || !heading) return;
  const live = view.lures.filter((l) => l.points > 0 || view.flaggedBlocks === 0);
  section.hidden = live.length === 0;
  section.replaceChildren(heading);
  const byCategory = new Map<LureCategory, LureView[]>();
  for (const lure of live) byCategory.set(lure.category, [...(byCategory.get(lure.category) ?? []), lure]);
  for (const [category, lures] of byCategory) {
    const group = el(doc, 'section');
    group.dataset.category = category;
    group.append(el(doc, 'h3', t(CATEGORY_LABELS[category])));
    if (plain) {
      const sentences = el(doc, 'p', t(PLAIN_CATEGORY[category]), 'plain');
      sentences.dataset.testid = 'plain-explain';
      group.append(sentences);
    }
    for (const lure of lures) group.append(renderLure(doc, lure, pack, t, plain));
    section.append(group);
  }
}

/** The line saying a page changes so fast that its checking was slowed down for now. */
export function renderScanPaused(doc: Document, view: TabVerdict, t: (key: MessageKey) => string): void {
  const line = doc.querySelector<HTMLElement>('[data-testid="scan-paused"]');
  if (!line) return;
  line.hidden = view.scanPaused !== true;
  line.textContent = line.hidden ? '' : t('popupScanPaused');
}

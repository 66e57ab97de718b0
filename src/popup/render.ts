/**
 * Builds the popup's answer from a verdict: the verdict and its likelihood in words, why a page
 * that quotes lures did not warn, and which parts of the popup a page of this kind needs (a
 * clean page shows a calm "nothing found" and 检查此页, nothing about allowing). DOM APIs only.
 */
import type { ContextReason } from '../engine/types';
import type { MessageKey } from '../shared/i18n';
import type { TabVerdict } from '../shared/messages';
import { LEVEL_LABELS, LIKELIHOOD_WORDS } from './level-words';
import { liveLures } from './lure-cards';

type Translate = (key: MessageKey) => string;

const REASON_LABELS: Record<ContextReason, MessageKey> = {
  quoted: 'popupReasonQuoted',
  negated: 'popupReasonNegated',
  'warning-context': 'popupReasonWarning',
  'own-lender': 'popupReasonOwnLender',
  'anti-fraud-page': 'popupReasonAntiFraud',
  'hidden-text': 'popupReasonHiddenText',
};

/** What the page is, for the popup: which parts it shows follows from this. */
export type PageKind = 'unchecked' | 'clean' | 'explained' | 'suspicious' | 'warned';

export function pageKind(view: TabVerdict): PageKind {
  if (!view.scanned) return 'unchecked';
  if (view.flaggedBlocks > 0) return 'warned';
  if (view.antiFraudPage || (view.lures.length > 0 && view.reasons.length > 0)) return 'explained';
  if (view.level !== 'none' || liveLures(view).some((l) => l.points > 0)) return 'suspicious';
  return 'clean';
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function show(doc: Document, selector: string, visible: boolean): void {
  const node = doc.querySelector<HTMLElement>(selector);
  if (node) node.hidden = !visible;
}

export function renderVerdict(doc: Document, view: TabVerdict, t: Translate): void {
  const kind = pageKind(view);
  doc.body.dataset.page = kind;
  const verdict = doc.querySelector<HTMLElement>('[data-testid="verdict"]');
  if (verdict) {
    verdict.dataset.level = view.level;
    verdict.textContent = t(view.scanned ? LEVEL_LABELS[view.level] : 'levelUnknown');
  }
  const box = doc.querySelector<HTMLElement>('.verdict-box');
  if (box) box.dataset.level = kind === 'clean' ? 'clean' : view.level;
  const likelihood = doc.querySelector<HTMLElement>('[data-testid="likelihood"]');
  if (likelihood) {
    const said = kind === 'warned' || kind === 'suspicious';
    likelihood.hidden = !said;
    likelihood.replaceChildren();
    // "骗局可能性：很大", "Chance that it is a scam: high"
    const space = t('popupLikelihood').endsWith(':') ? ' ' : '';
    if (said) likelihood.append(el(doc, 'span', t('popupLikelihood')), space, el(doc, 'strong', t(LIKELIHOOD_WORDS[view.level])));
  }
  const calm = doc.querySelector<HTMLElement>('[data-testid="calm"]');
  if (calm) {
    calm.hidden = kind !== 'clean' && kind !== 'unchecked';
    calm.textContent = kind === 'clean' ? t('popupCleanNote') : kind === 'unchecked' ? t('popupUncheckedNote') : '';
  }

  const hidden = doc.querySelector<HTMLElement>('[data-testid="hidden-text"]');
  if (hidden) {
    // a warned page that hides text from the reader inside the ad: say so, it is part of the evidence
    hidden.hidden = !(view.flaggedBlocks > 0 && view.reasons.includes('hidden-text'));
    hidden.textContent = hidden.hidden ? '' : t('popupReasonHiddenText');
  }

  const tampered = doc.querySelector<HTMLElement>('[data-testid="tampered"]');
  if (tampered) {
    // the page tried to take the warning away: strong evidence against it, said where it cannot reach
    tampered.hidden = view.tampered === undefined;
    tampered.textContent = view.tampered ? t('popupTampered') : '';
  }

  const note = doc.querySelector<HTMLElement>('[data-testid="anti-fraud"]');
  if (note) {
    note.hidden = kind !== 'explained';
    note.replaceChildren();
    if (kind === 'explained') {
      if (view.antiFraudPage) note.append(el(doc, 'span', t('popupAntiFraud')));
      for (const reason of view.reasons) note.append(' ', el(doc, 'span', t(REASON_LABELS[reason])));
    }
  }

  // a clean or unchecked page: the verdict and 检查此页, nothing to save, allow or call about
  const flagged = kind === 'warned' || kind === 'suspicious';
  show(doc, '.channels', flagged);
  show(doc, '[data-testid="save-evidence"]', flagged);
  show(doc, '[data-testid="decisions"]', kind === 'warned');
  doc.querySelector('[data-testid="check-page"]')?.classList.toggle('secondary', flagged);
}

/** The line saying a page changes so fast that its checking was slowed down for now. */
export function renderScanPaused(doc: Document, view: TabVerdict, t: (key: MessageKey) => string): void {
  const line = doc.querySelector<HTMLElement>('[data-testid="scan-paused"]');
  if (!line) return;
  line.hidden = view.scanPaused !== true;
  line.textContent = line.hidden ? '' : t('popupScanPaused');
}

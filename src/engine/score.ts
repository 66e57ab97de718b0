import type { CueKind, LureCategory } from './pack-schema';
import type {
  BlockFindings,
  BlockVerdict,
  CompiledPack,
  CompiledRule,
  ContextReason,
  Level,
  PageVerdict,
  RuleVerdict,
  Span,
} from './types';

/** Score at which each level starts. */
export const LEVEL_FLOORS: Readonly<Record<Exclude<Level, 'none'>, number>> = { low: 20, medium: 40, high: 70 };
/** The banner shows from this score unless the user chose another sensitivity. */
export const DEFAULT_WARN_THRESHOLD = LEVEL_FLOORS.medium;

export function levelFor(score: number): Level {
  if (score >= LEVEL_FLOORS.high) return 'high';
  if (score >= LEVEL_FLOORS.medium) return 'medium';
  if (score >= LEVEL_FLOORS.low) return 'low';
  return 'none';
}

export interface ScoreOptions {
  muted?: ReadonlySet<string>;
  /** the page around this block reads as an anti-fraud article */
  antiFraudPage?: boolean;
}

/** tunables in one place, so a change to scoring is one reviewable diff */
export const SCORING = {
  /** a lure seen only inside quotation marks counts this much */
  quotedFactor: 0.3,
  /** the n-th rule of one category adds weight * decay^n: repetition adds little */
  sameCategoryDecay: 0.5,
  /** each further category multiplies the sum: independent signals add up */
  diversityBonus: 0.3,
  offerPoints: 10,
  maxOfferCues: 2,
  contactPoints: 15,
  /** each warning or reported-speech cue multiplies the score by this */
  warningFactor: 0.5,
  minWarningFactor: 0.1,
  maxWarningPhrases: 4,
  /** debt-relief words next to the borrower's own lender, with no third-party selling */
  ownLenderFactor: 0.3,
  antiFraudPageFactor: 0.5,
  /** hand-offs, fees and data requests with no debt topic in the block are everyday text */
  noTopicFactor: 0.4,
  /** ad copy is short; past this many characters, a block with no selling signal is diluted */
  longTextChars: 80,
  /** a debt-relief claim standing alone in a short block, with no report, quote or safe clause around it, reads as a slogan */
  sloganChars: 40,
  sloganFactor: 1.35,
} as const;

/** categories that make a block about debt relief; the others only support them */
const TOPIC_CATEGORIES: ReadonlySet<LureCategory> = new Set(['debt-relief-offer', 'false-promise', 'forgery-coaching']);

export function scoreBlock(pack: CompiledPack, findings: BlockFindings, options: ScoreOptions = {}): BlockVerdict {
  const reasons = new Set<ContextReason>();
  const ruleById = new Map(pack.rules.map((r) => [r.id, r]));
  const perRule = new Map<string, { rule: CompiledRule; spans: Span[]; live: boolean; quotedOnly: boolean }>();
  for (const hit of findings.lures) {
    const rule = ruleById.get(hit.ruleId);
    if (!rule || options.muted?.has(rule.id)) continue;
    const entry = perRule.get(rule.id) ?? { rule, spans: [], live: false, quotedOnly: true };
    entry.spans.push({ start: hit.start, end: hit.end });
    if (hit.negated) reasons.add('negated');
    else if (hit.quoted) reasons.add('quoted');
    else entry.quotedOnly = false;
    if (!hit.negated) entry.live = true;
    perRule.set(rule.id, entry);
  }

  const kinds = countCueKinds(findings);
  const offerSignals = Math.min(kinds.offer, SCORING.maxOfferCues) + (findings.contacts > 0 ? 1 : 0);
  const ownLenderOnly = kinds['own-lender'] > 0 && offerSignals === 0;
  const warnings = distinctWarningPhrases(findings.cues);
  const live = [...perRule.values()].filter((r) => r.live);
  const onTopic =
    kinds.topic > 0 || live.some(({ rule }) => TOPIC_CATEGORIES.has(rule.category) && !rule.needsTopic);

  const rules: RuleVerdict[] = [];
  for (const { rule, spans, live: isLive, quotedOnly } of perRule.values()) {
    let points = isLive ? rule.weight : 0;
    if (isLive && quotedOnly) points *= SCORING.quotedFactor;
    if (rule.needsTopic && !onTopic) points = 0;
    if (ownLenderOnly && points > 0) {
      points *= SCORING.ownLenderFactor;
      reasons.add('own-lender');
    }
    rules.push({
      ruleId: rule.id,
      category: rule.category,
      title: rule.title,
      points,
      spans,
      discounted: points < rule.weight,
    });
  }
  rules.sort((a, b) => b.points - a.points);

  const byCategory = new Map<LureCategory, number[]>();
  for (const r of rules) if (r.points > 0) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r.points]);
  let base = 0;
  for (const points of byCategory.values()) {
    points.forEach((p, n) => (base += p * SCORING.sameCategoryDecay ** n));
  }
  if (byCategory.size > 1) base *= 1 + SCORING.diversityBonus * (byCategory.size - 1);
  if (base > 0 && offerSignals === 0 && findings.length > SCORING.longTextChars) {
    base *= Math.sqrt(SCORING.longTextChars / findings.length);
  }
  if (base > 0) {
    base += Math.min(kinds.offer, SCORING.maxOfferCues) * SCORING.offerPoints;
    if (findings.contacts > 0) base += SCORING.contactPoints;
  }
  const standsAlone = warnings === 0 && reasons.size === 0 && findings.length <= SCORING.sloganChars;
  if (base > 0 && standsAlone && onTopic) base *= SCORING.sloganFactor;
  // selling a hand-off, a fee or a form is everyday commerce until the block is about debt
  if (base > 0 && !onTopic) base *= SCORING.noTopicFactor;
  if (base > 0 && warnings > 0) {
    base *= Math.max(SCORING.minWarningFactor, SCORING.warningFactor ** warnings);
    reasons.add('warning-context');
  }
  if (base > 0 && options.antiFraudPage && warnings === 0 && offerSignals === 0) {
    base *= SCORING.antiFraudPageFactor;
    reasons.add('anti-fraud-page');
  }
  const score = Math.min(100, Math.round(base));
  return {
    score,
    level: levelFor(score),
    rules: rules.filter((r) => r.spans.length > 0),
    categories: [...byCategory.keys()],
    reasons: [...reasons],
  };
}

function countCueKinds(findings: BlockFindings): Record<CueKind, number> {
  const distinct = new Map<string, CueKind>();
  for (const cue of findings.cues) distinct.set(cue.cueId, cue.kind);
  const counts: Record<CueKind, number> = { warning: 0, reported: 0, negation: 0, offer: 0, 'own-lender': 0, topic: 0 };
  for (const kind of distinct.values()) counts[kind]++;
  return counts;
}

/** how many different warning or reported-speech phrases the block uses (a repeated one counts once) */
function distinctWarningPhrases(cues: BlockFindings['cues']): number {
  const phrases = new Set<string>();
  for (const cue of cues) if (cue.kind === 'warning' || cue.kind === 'reported') phrases.add(`${cue.cueId}:${cue.end - cue.start}`);
  return Math.min(phrases.size, SCORING.maxWarningPhrases);
}

/** distinct warning cues across a page that make it read as an anti-fraud article */
export const ANTI_FRAUD_PAGE_CUES = 3;

export function isAntiFraudPage(blocks: readonly BlockFindings[]): boolean {
  const warningCues = new Set<string>();
  for (const b of blocks) for (const c of b.cues) if (c.kind === 'warning' || c.kind === 'reported') warningCues.add(c.cueId);
  return warningCues.size >= ANTI_FRAUD_PAGE_CUES;
}

export function scorePage(
  pack: CompiledPack,
  blocks: readonly BlockFindings[],
  options: ScoreOptions & { threshold?: number } = {},
): PageVerdict {
  const antiFraudPage = isAntiFraudPage(blocks);
  const threshold = options.threshold ?? DEFAULT_WARN_THRESHOLD;
  const verdicts = blocks.map((b) => scoreBlock(pack, b, { ...options, antiFraudPage }));
  const flagged: number[] = [];
  verdicts.forEach((v, i) => v.score >= threshold && flagged.push(i));
  const score = verdicts.reduce((max, v) => Math.max(max, v.score), 0);
  return { score, level: levelFor(score), flagged, antiFraudPage, blocks: verdicts };
}

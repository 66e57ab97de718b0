import { COMBINER_FEATURES, type CombinerFeature } from './model/model-schema';
import type { DecodedModel, ModelReading } from './model/read';
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
  /** muted rule ids, and muted families as `family-<category>` */
  muted?: ReadonlySet<string>;
  /** the page around this block reads as an anti-fraud article */
  antiFraudPage?: boolean;
  /** the learned model, and what it read in this block's text (absent: the rules alone decide) */
  model?: DecodedModel;
  reading?: ModelReading;
}

/** how a family is muted in settings.mutedRules: rule ids may not take this form */
export const FAMILY_MUTE_PREFIX = 'family-';
export const familyMuteId = (category: LureCategory): string => `${FAMILY_MUTE_PREFIX}${category}`;

/** a family the model reads in a block counts from this probability */
export const FAMILY_SHOWN = 0.5;
const MAX_FAMILIES_SHOWN = 3;

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
  /** a block that carries a live lure and hides text from the reader scores at least this (high) */
  evasionFloor: LEVEL_FLOORS.high,
} as const;

/** categories that make a block about debt relief; the others only support them */
const TOPIC_CATEGORIES: ReadonlySet<LureCategory> = new Set(['debt-relief-offer', 'false-promise', 'forgery-coaching']);

/** The rules' own score of a block, context discounts included: one of the combiner's features. */
export function scoreRules(pack: CompiledPack, findings: BlockFindings, options: ScoreOptions = {}): BlockVerdict {
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

/**
 * One block's verdict. With the model and what it read, the score is the combiner's probability
 * (×100) that the block is an ad, from the model's logit, the rules' score and the context cues;
 * without them (a block the model never read), the rules' score alone.
 */
export function scoreBlock(pack: CompiledPack, findings: BlockFindings, options: ScoreOptions = {}): BlockVerdict {
  return withEvasion(findings, combinedScore(pack, findings, options));
}

/**
 * Text hidden inside a block that shows a lure is evasion, not an accident of layout: the score
 * is raised to SCORING.evasionFloor, whatever the hidden words would have said.
 */
function withEvasion(findings: BlockFindings, verdict: BlockVerdict): BlockVerdict {
  if (!findings.evasion) return verdict;
  const shows = verdict.rules.some((r) => r.points > 0) || (verdict.model?.families.length ?? 0) > 0;
  if (!shows) return verdict;
  const score = Math.max(verdict.score, SCORING.evasionFloor);
  return { ...verdict, score, level: levelFor(score), reasons: [...new Set([...verdict.reasons, 'hidden-text' as const])] };
}

function combinedScore(pack: CompiledPack, findings: BlockFindings, options: ScoreOptions): BlockVerdict {
  const { antiFraudPage, ...withoutPage } = options;
  const rules = scoreRules(pack, findings, withoutPage);
  const { model, reading } = options;
  if (!model || !reading) return antiFraudPage ? scoreRules(pack, findings, options) : rules;
  const families = reading.families.filter((f) => f.probability >= FAMILY_SHOWN).slice(0, MAX_FAMILIES_SHOWN).map((f) => f.category);
  const shown = families.length > 0 ? families : reading.families.slice(0, 1).map((f) => f.category);
  // a muted family is not named again, even while the other families keep the block flagged
  const named = shown.filter((c) => !options.muted?.has(familyMuteId(c)));
  const allMuted = shown.length > 0 && named.length === 0;
  // the strongest window of a long block is trusted only where nothing in the block reports or warns
  const read = reading.blockLogit !== undefined && hasContext(findings) ? Math.min(reading.blockLogit, reading.logit) : reading.logit;
  const logit = allMuted ? Math.min(read, 0) : read;
  const features = combinerFeatures(findings, rules, logit);
  let z = model.combiner.bias;
  COMBINER_FEATURES.forEach((_, i) => (z += (model.combiner.weights[i] as number) * (features[i] as number)));
  let probability = 1 / (1 + Math.exp(-z));
  const reasons = new Set(rules.reasons);
  if (antiFraudPage && !hasOfferSignal(findings)) {
    probability *= SCORING.antiFraudPageFactor;
    reasons.add('anti-fraud-page');
  }
  const score = Math.min(100, Math.round(probability * 100));
  return {
    ...rules,
    score,
    level: levelFor(score),
    reasons: [...reasons],
    model: { probability, families: named, phrases: allMuted ? [] : reading.phrases },
  };
}

/** The combiner's inputs, in COMBINER_FEATURES order. Training (build-model.ts) uses the same. */
export function combinerFeatures(findings: BlockFindings, rules: BlockVerdict, modelLogit: number): number[] {
  const kinds = countCueKinds(findings);
  const offers = Math.min(kinds.offer, SCORING.maxOfferCues);
  const value: Record<CombinerFeature, number> = {
    model: Math.max(-8, Math.min(8, modelLogit)) / 4,
    rules: rules.score / 100,
    'live-rule': findings.lures.some((l) => !l.negated) ? 1 : 0,
    warnings: distinctWarningPhrases(findings.cues) / SCORING.maxWarningPhrases,
    reported: Math.min(kinds.reported, 2) / 2,
    offers: offers / SCORING.maxOfferCues,
    contacts: findings.contacts > 0 ? 1 : 0,
    'own-lender': kinds['own-lender'] > 0 && offers === 0 ? 1 : 0,
    negated: findings.lures.some((l) => l.negated) ? 1 : 0,
    'quoted-only': findings.lures.length > 0 && findings.lures.every((l) => l.quoted || l.negated) ? 1 : 0,
    topic: kinds.topic > 0 ? 1 : 0,
    length: Math.log1p(findings.length) / Math.log(4000),
  };
  return COMBINER_FEATURES.map((name) => value[name]);
}

function hasContext(findings: BlockFindings): boolean {
  const kinds = countCueKinds(findings);
  return distinctWarningPhrases(findings.cues) > 0 || kinds.reported > 0 || kinds['own-lender'] > 0 || findings.lures.some((l) => l.quoted || l.negated);
}

function hasOfferSignal(findings: BlockFindings): boolean {
  return findings.contacts > 0 || findings.cues.some((c) => c.kind === 'offer');
}

/** Blocks the model reads: any lure, or any word of the debt domain (topic and candidate cues). */
export function wantsModel(findings: BlockFindings): boolean {
  return findings.lures.length > 0 || findings.cues.some((c) => c.kind === 'topic' || c.kind === 'candidate');
}

function countCueKinds(findings: BlockFindings): Record<CueKind, number> {
  const distinct = new Map<string, CueKind>();
  for (const cue of findings.cues) distinct.set(cue.cueId, cue.kind);
  const counts: Record<CueKind, number> = { warning: 0, reported: 0, negation: 0, offer: 0, 'own-lender': 0, topic: 0, candidate: 0 };
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
  options: Omit<ScoreOptions, 'reading'> & { threshold?: number; readings?: readonly (ModelReading | undefined)[] } = {},
): PageVerdict {
  const antiFraudPage = isAntiFraudPage(blocks);
  const threshold = options.threshold ?? DEFAULT_WARN_THRESHOLD;
  const { readings, ...rest } = options;
  const verdicts = blocks.map((b, i) => scoreBlock(pack, b, { ...rest, antiFraudPage, reading: readings?.[i] }));
  const flagged: number[] = [];
  verdicts.forEach((v, i) => v.score >= threshold && flagged.push(i));
  const score = verdicts.reduce((max, v) => Math.max(max, v.score), 0);
  return { score, level: levelFor(score), flagged, antiFraudPage, blocks: verdicts };
}

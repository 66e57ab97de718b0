import type { CueKind, LureCategory } from './pack-schema';

/** The levels of a verdict, lowest first: the one list the schemas and the UI take them from. */
export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export type { CompiledCue, CompiledEntry, CompiledPack, CompiledRule } from './compiled-pack';

export interface Span {
  start: number;
  end: number;
}

export interface LureHit extends Span {
  ruleId: string;
  /** inside “…”, 「…」, 『…』, "…" or 《…》 in the original text */
  quoted: boolean;
  /** right after a safe clause such as 切勿 / 不要相信 */
  negated: boolean;
}

export interface CueHit extends Span {
  cueId: string;
  kind: CueKind;
}

/** What a content script learns from one block of text; scoring needs nothing else. */
export interface BlockFindings {
  length: number;
  lures: LureHit[];
  cues: CueHit[];
  /** phone numbers, 微信号 / QQ号, links found in the block */
  contacts: number;
  /**
   * the page hides text inside this block from the reader: junk between the characters of its
   * words, or warning words and quotation marks only a filter would see (a sign of evasion)
   */
  evasion?: boolean;
}

export interface RuleVerdict {
  ruleId: string;
  category: LureCategory;
  title: string;
  points: number;
  spans: Span[];
  discounted: boolean;
}

export interface BlockVerdict {
  score: number;
  level: Level;
  rules: RuleVerdict[];
  categories: LureCategory[];
  /** why the score was lowered, as reason codes the UI explains */
  reasons: ContextReason[];
  /** what the learned model read, when it read the block */
  model?: ModelVerdict;
}

export interface ModelVerdict {
  /** the combined probability that the block is an ad (score / 100 before rounding) */
  probability: number;
  /** the lure families the model reads in the block, most likely first */
  families: LureCategory[];
  /** the phrases that weighed most, in the block's original text */
  phrases: Span[];
}

/**
 * Why a score was lowered (or, for 'hidden-text', raised: the block hides text from the reader),
 * as reason codes the UI explains: the one list of them.
 */
export const CONTEXT_REASONS = ['quoted', 'negated', 'warning-context', 'own-lender', 'anti-fraud-page', 'hidden-text'] as const;
export type ContextReason = (typeof CONTEXT_REASONS)[number];

export interface PageVerdict {
  score: number;
  level: Level;
  /** indices of the blocks at or above the warning threshold */
  flagged: number[];
  /** the page reads as an anti-fraud / news article about these scams */
  antiFraudPage: boolean;
  blocks: BlockVerdict[];
}

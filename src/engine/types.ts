import type { CueKind, Explanation, LureCategory } from './pack-schema';

export type Level = 'none' | 'low' | 'medium' | 'high';
export const LEVELS: readonly Level[] = ['none', 'low', 'medium', 'high'];

export interface CompiledRule {
  id: string;
  category: LureCategory;
  title: string;
  weight: number;
  needsTopic?: boolean;
  explain: Explanation;
  source?: string;
}

export interface CompiledCue {
  id: string;
  kind: CueKind;
}

/** One thing the matcher can report: a rule or a cue, as a sequence of literal pieces. */
export interface CompiledEntry {
  /** index into rules when kind is 'rule', into cues when 'cue' */
  kind: 'rule' | 'cue';
  ref: number;
  /** literal indices, in order; more than one means "A … B" */
  pieces: number[];
  gap: number;
}

/** What the build writes and the extension ships: plain JSON, validated again at load. */
export interface CompiledPack {
  format: 1;
  version: string;
  rules: CompiledRule[];
  cues: CompiledCue[];
  /** normalised literal strings the automaton searches for */
  literals: string[];
  entries: CompiledEntry[];
  /** [from, to] char-code pairs folded beyond the built-in table (traditional → simplified) */
  fold: [number, number][];
}

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
}

export type ContextReason = 'quoted' | 'negated' | 'warning-context' | 'own-lender' | 'anti-fraud-page';

export interface PageVerdict {
  score: number;
  level: Level;
  /** indices of the blocks at or above the warning threshold */
  flagged: number[];
  /** the page reads as an anti-fraud / news article about these scams */
  antiFraudPage: boolean;
  blocks: BlockVerdict[];
}

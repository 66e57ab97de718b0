import { analyzeBlock, createMatcher, scorePage, wantsModel, DEFAULT_WARN_THRESHOLD, type Matcher } from '../engine';
import { decodeModel, readWithModel, type DecodedModel } from '../engine/model/read';
import type { CompiledPack, PageVerdict } from '../engine/types';
import { buildPackWithModel } from './pack-files';
import type { JsonLineAnswer, TextVerdict } from './verdict-fields';

export type { TextVerdict } from './verdict-fields';

export interface Scanner {
  pack: CompiledPack;
  matcher: Matcher;
  model: DecodedModel | undefined;
  threshold: number;
}

export function createScanner(pack: CompiledPack = buildPackWithModel().pack, threshold = DEFAULT_WARN_THRESHOLD): Scanner {
  return { pack, matcher: createMatcher(pack), model: pack.model ? decodeModel(pack.model) : undefined, threshold };
}

/**
 * Scores blocks of text the way the extension scores a page's blocks: the rules match in every
 * block, and the model reads the blocks the content script would send it (wantsModel).
 */
export function scoreTexts(scanner: Scanner, blocks: readonly string[]): PageVerdict {
  const findings = blocks.map((b) => analyzeBlock(scanner.matcher, b));
  const { model } = scanner;
  const readings = blocks.map((b, i) => (model && wantsModel(findings[i] as (typeof findings)[number]) ? readWithModel(model, b) : undefined));
  return scorePage(scanner.pack, findings, { threshold: scanner.threshold, ...(model ? { model } : {}), readings });
}

export function summarize(verdict: PageVerdict, threshold: number): TextVerdict {
  const rules = new Set<string>();
  const categories = new Set<string>();
  const reasons = new Set<string>();
  for (const block of verdict.blocks) {
    for (const r of block.rules) if (r.points > 0 || r.spans.length > 0) rules.add(r.ruleId);
    for (const c of block.categories) categories.add(c);
    for (const r of block.reasons) reasons.add(r);
  }
  return {
    flag: verdict.score >= threshold,
    score: verdict.score,
    level: verdict.level,
    rules: [...rules],
    categories: [...categories],
    antiFraudPage: verdict.antiFraudPage,
    reasons: [...reasons],
  };
}

/** One JSONL line in, one verdict (or an error for that line) out. Never throws. */
export function verdictForJsonLine(scanner: Scanner, line: string): JsonLineAnswer {
  if (line.trim() === '') return { error: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `not JSON: ${(e as Error).message}` };
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { text?: unknown; id?: unknown }) : undefined;
  const id = record?.id === undefined ? {} : { id: record.id };
  if (typeof record?.text !== 'string') return { ...id, error: 'no "text" string field' };
  return { ...id, ...summarize(scoreTexts(scanner, [record.text]), scanner.threshold) };
}

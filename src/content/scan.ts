/**
 * Runs the engine over extracted blocks in short slices so a long page never blocks input,
 * and keeps only what scoring needs: findings plus a short snippet per matched rule.
 */
import { analyzeBlock, type BlockFindings, type Matcher } from '../engine';
import { LIMITS } from '../shared/limits';
import type { BlockReport } from '../shared/messages';
import type { TextBlock } from './extract';

const SLICE_MS = 8;
const SNIPPET_CONTEXT = 16;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 100 });
    else setTimeout(resolve, 0);
  });
}

/** The matched words with a little context, one line, at most LIMITS.snippetChars. */
export function snippetAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, Math.max(end, start) + SNIPPET_CONTEXT);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  const snippet = `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
  return snippet.length <= LIMITS.snippetChars ? snippet : `${snippet.slice(0, LIMITS.snippetChars - 1)}…`;
}

function clipFindings(findings: BlockFindings): BlockFindings {
  return {
    length: Math.min(findings.length, LIMITS.blockChars),
    lures: findings.lures.slice(0, LIMITS.hitsPerBlock),
    cues: findings.cues.slice(0, LIMITS.hitsPerBlock),
    contacts: Math.min(findings.contacts, LIMITS.blockChars),
  };
}

export function reportFor(block: TextBlock, findings: BlockFindings): BlockReport | undefined {
  if (findings.lures.length === 0 && findings.cues.length === 0) return undefined;
  const snippets: BlockReport['snippets'] = [];
  const seen = new Set<string>();
  for (const lure of findings.lures) {
    if (seen.has(lure.ruleId) || snippets.length >= LIMITS.snippetsPerBlock) continue;
    seen.add(lure.ruleId);
    snippets.push({ ruleId: lure.ruleId, text: snippetAround(block.text, lure.start, lure.end) });
  }
  return { key: block.key, findings: clipFindings(findings), snippets };
}

/** Analyses blocks, yielding to the page every ~8 ms; stops early when `signal` aborts. */
export async function scanBlocks(matcher: Matcher, blocks: readonly TextBlock[], signal: AbortSignal): Promise<BlockReport[]> {
  const reports: BlockReport[] = [];
  let sliceStart = performance.now();
  for (const block of blocks) {
    if (signal.aborted) break;
    const report = reportFor(block, analyzeBlock(matcher, block.text));
    if (report) reports.push(report);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return reports;
}

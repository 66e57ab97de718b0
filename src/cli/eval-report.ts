/**
 * What `npm run eval` measures over labelled lines: recall on ads, flag rates on look-alikes and
 * ordinary text, recall per lure family, the precision/recall trade-off over the threshold, and
 * how well the score's probability matches what the lines are (calibration).
 */
import { LURE_CATEGORIES, type LureCategory } from '../engine/pack-schema';
import type { PageVerdict } from '../engine/types';

/** what a line is, whichever file format it came in */
export type Kind = 'ad' | 'look-alike' | 'ordinary';

/** labels of the evaluation corpus and of the project's own corpus, mapped onto one scale */
export const KIND_OF_LABEL: Readonly<Record<string, Kind>> = {
  'scam-ad': 'ad',
  ad: 'ad',
  'not-scam': 'look-alike',
  'hard-negative': 'look-alike',
  other: 'ordinary',
  ordinary: 'ordinary',
};

export interface ScoredLine {
  file: string;
  line: number;
  id?: string;
  kind: Kind;
  families: LureCategory[];
  text: string;
  score: number;
  verdict: PageVerdict;
}

export interface Tally {
  total: number;
  flagged: number;
}

export const rateOf = (t: Tally | undefined): number | null => (t && t.total > 0 ? t.flagged / t.total : null);

export function tallyByKind(lines: readonly ScoredLine[], threshold: number): Record<Kind, Tally> {
  const tally: Record<Kind, Tally> = { ad: { total: 0, flagged: 0 }, 'look-alike': { total: 0, flagged: 0 }, ordinary: { total: 0, flagged: 0 } };
  for (const l of lines) {
    tally[l.kind].total++;
    if (l.score >= threshold) tally[l.kind].flagged++;
  }
  return tally;
}

/** recall of the ads that show each family (lines that name their families) */
export function recallByFamily(lines: readonly ScoredLine[], threshold: number): Partial<Record<LureCategory, Tally>> {
  const out: Partial<Record<LureCategory, Tally>> = {};
  for (const l of lines) {
    if (l.kind !== 'ad') continue;
    for (const family of l.families) {
      const t = (out[family] ??= { total: 0, flagged: 0 });
      t.total++;
      if (l.score >= threshold) t.flagged++;
    }
  }
  return Object.fromEntries(LURE_CATEGORIES.filter((c) => out[c]).map((c) => [c, out[c]])) as Partial<Record<LureCategory, Tally>>;
}

export interface CurvePoint {
  threshold: number;
  recall: number | null;
  lookAlikeRate: number | null;
  ordinaryRate: number | null;
  /** of the lines flagged, the share that are ads (for this mix of lines) */
  precision: number | null;
}

export function precisionRecallCurve(lines: readonly ScoredLine[], thresholds: readonly number[]): CurvePoint[] {
  return thresholds.map((threshold) => {
    const tally = tallyByKind(lines, threshold);
    const flagged = tally.ad.flagged + tally['look-alike'].flagged + tally.ordinary.flagged;
    return {
      threshold,
      recall: rateOf(tally.ad),
      lookAlikeRate: rateOf(tally['look-alike']),
      ordinaryRate: rateOf(tally.ordinary),
      precision: flagged > 0 ? tally.ad.flagged / flagged : null,
    };
  });
}

export interface CalibrationBin {
  from: number;
  to: number;
  lines: number;
  /** the mean score / 100 of the lines in the bin */
  predicted: number | null;
  /** the share of them that are ads */
  observed: number | null;
}

export function calibration(lines: readonly ScoredLine[], binWidth = 10): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let from = 0; from < 100; from += binWidth) {
    const to = from + binWidth;
    const inside = lines.filter((l) => l.score >= from && (l.score < to || (to === 100 && l.score === 100)));
    bins.push({
      from,
      to,
      lines: inside.length,
      predicted: inside.length > 0 ? inside.reduce((a, l) => a + l.score, 0) / inside.length / 100 : null,
      observed: inside.length > 0 ? inside.filter((l) => l.kind === 'ad').length / inside.length : null,
    });
  }
  return bins;
}

/** What the model and the pack each said of a line, for the misses and false alarms. */
export function whatEachSaid(line: ScoredLine): { model: string; pack: string } {
  const block = line.verdict.blocks[0];
  const model = block?.model
    ? `model ${Math.round(block.model.probability * 100)}% [${block.model.families.join(', ') || 'no family'}]${
        block.model.phrases.length > 0 ? ` “${block.model.phrases.map((p) => line.text.slice(p.start, p.end)).join('” “')}”` : ''
      }`
    : 'model did not read it (no lure, no debt word)';
  const rules = block?.rules.filter((r) => r.spans.length > 0) ?? [];
  const pack = rules.length > 0 ? `rules ${rules.map((r) => `${r.ruleId}(${Math.round(r.points)})`).join(' ')}` : 'no rule';
  const reasons = block && block.reasons.length > 0 ? ` [${block.reasons.join(', ')}]` : '';
  return { model, pack: pack + reasons };
}

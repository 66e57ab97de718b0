/**
 * The lure model from the project's corpus, as the build trains it (pure: the caller reads the
 * corpus and supplies the fold pairs). The same corpus, pack and settings give the same model.
 *
 * 1. Every line becomes hashed character n-grams of its model text (quoted words apart).
 * 2. The ad head learns "is an ad" from all lines, ads weighed up to balance the labels.
 * 3. One head per lure family learns, among the ads only, which of them show this family: it
 *    names the families of a block already judged an ad, so it need not tell ads from the rest,
 *    and trained on the ads alone it names them more precisely and trains in a third of the time.
 * 4. Out-of-fold logits of the ad head (each line scored by a head that never saw it) train the
 *    combiner: a logistic regression over the model's logit, the rules' score and the context
 *    cues, on the lines the model would read in the extension. Its output is a probability.
 */
import { analyzeBlock, type Matcher } from '../analyze';
import { LURE_CATEGORIES, type LureCategory } from '../pack-schema';
import { combinerFeatures, scoreRules, wantsModel } from '../score';
import type { BlockFindings, CompiledPack } from '../types';
import type { CorpusRow } from './corpus-schema';
import { encodeHead } from './encode';
import { forEachGram, modelText, quotedMask } from './features';
import { COMBINER_FEATURES, type LureModel } from './model-schema';
import { DEFAULT_TRAIN_SETTINGS, headLogit, trainHead, type TrainedHead, type TrainingExample, type TrainSettings } from './train';

export const MODEL_ORDERS = [1, 2] as const;
/** out-of-fold logits for the combiner come from this many folds */
const FOLDS = 5;
/** family heads are for explanations: their strongest weights are enough */
const FAMILY_WEIGHTS_KEPT = 4000;

export interface ModelBuildInput {
  rows: readonly CorpusRow[];
  pack: CompiledPack;
  matcher: Matcher;
  fold: readonly (readonly [number, number])[];
  settings?: TrainSettings;
}

/** A line as the trainer sees it. */
export interface PreparedRow {
  row: CorpusRow;
  grams: Uint32Array;
  findings: BlockFindings;
  gated: boolean;
}

export interface ModelSummary {
  lines: Record<string, number>;
  weights: { ad: number; families: Record<LureCategory, number> };
  /** the n-grams that weigh most for and against "ad", as the corpus spells them */
  strongest: { for: [string, number][]; against: [string, number][] };
  families: Record<LureCategory, [string, number][]>;
  combiner: Record<string, number>;
}

export interface BuiltModel {
  model: LureModel;
  summary: ModelSummary;
  /** each line's combined probability, computed out of fold (the line's fold never trained the model it was scored by) */
  outOfFold: { id: string; label: CorpusRow['label']; probability: number }[];
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** FNV-1a of the text: which fold a line falls in, stable when other lines come and go */
function foldOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % FOLDS;
}

export function prepareRows(input: ModelBuildInput, spellings?: Map<number, Map<string, number>>): PreparedRow[] {
  return input.rows.map((row) => {
    const normalized = modelText(row.text, input.fold);
    const quoted = quotedMask(row.text, normalized.offsets);
    const ids = new Set<number>();
    forEachGram(
      normalized.text,
      MODEL_ORDERS,
      (id, start, length) => {
        ids.add(id);
        if (!spellings) return;
        const gram = normalized.text.slice(start, start + length);
        const forId = spellings.get(id) ?? new Map<string, number>();
        forId.set(gram, (forId.get(gram) ?? 0) + 1);
        spellings.set(id, forId);
      },
      quoted,
    );
    const findings = analyzeBlock(input.matcher, row.text);
    return { row, grams: Uint32Array.from(ids).sort(), findings, gated: wantsModel(findings) };
  });
}

function balancedExamples(rows: readonly PreparedRow[], isPositive: (row: CorpusRow) => boolean): TrainingExample[] {
  const positives = rows.filter((r) => isPositive(r.row)).length;
  const weight = positives > 0 ? (rows.length - positives) / positives : 1;
  return rows.map((r) => (isPositive(r.row) ? { grams: r.grams, label: 1, weight } : { grams: r.grams, label: 0, weight: 1 }));
}

const isAd = (row: CorpusRow): boolean => row.label === 'ad';

/** Batch gradient descent on a small dense logistic regression: deterministic, and quick at a dozen features. */
function fitCombiner(features: number[][], labels: number[], weights: number[]): { weights: number[]; bias: number } {
  const d = COMBINER_FEATURES.length;
  const beta = new Array<number>(d + 1).fill(0);
  const l2 = 0.01;
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    features.forEach((x, i) => {
      let z = beta[d] as number;
      for (let k = 0; k < d; k++) z += (beta[k] as number) * (x[k] as number);
      const g = (sigmoid(z) - (labels[i] as number)) * (weights[i] as number);
      for (let k = 0; k < d; k++) gradient[k] = (gradient[k] as number) + g * (x[k] as number);
      gradient[d] = (gradient[d] as number) + g;
    });
    for (let k = 0; k <= d; k++) beta[k] = (beta[k] as number) - ((gradient[k] as number) / total + (k < d ? l2 * (beta[k] as number) : 0));
  }
  return { weights: beta.slice(0, d), bias: beta[d] as number };
}

function combinerRow(pack: CompiledPack, prepared: PreparedRow, logit: number): number[] {
  return combinerFeatures(prepared.findings, scoreRules(pack, prepared.findings), logit);
}

function strongest(head: TrainedHead, spellings: Map<number, Map<string, number>>, count: number, sign: 1 | -1): [string, number][] {
  return [...head.weights]
    .filter(([, w]) => Math.sign(w) === sign)
    .sort((a, b) => sign * (b[1] - a[1]) || a[0] - b[0])
    .slice(0, count)
    .map(([id, w]) => {
      const forms = [...(spellings.get(id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return [forms[0]?.[0] ?? `#${id}`, Math.round(w * 100) / 100];
    });
}

export function buildModel(input: ModelBuildInput): BuiltModel {
  const settings = input.settings ?? DEFAULT_TRAIN_SETTINGS;
  const spellings = new Map<number, Map<string, number>>();
  const prepared = prepareRows(input, spellings);

  const outOfFoldLogit = new Float64Array(prepared.length);
  const folds = prepared.map((p) => foldOf(p.row.text));
  for (let fold = 0; fold < FOLDS; fold++) {
    const head = trainHead(balancedExamples(prepared.filter((_, i) => folds[i] !== fold), isAd), settings);
    prepared.forEach((p, i) => {
      if (folds[i] === fold) outOfFoldLogit[i] = headLogit(head, p.grams);
    });
  }
  const adHead = trainHead(balancedExamples(prepared, isAd), settings);
  const ads = prepared.filter((p) => isAd(p.row));
  const familyHeads = new Map<LureCategory, TrainedHead>(
    LURE_CATEGORIES.map((category) => [category, trainHead(balancedExamples(ads, (row) => row.families?.includes(category) === true), settings)]),
  );

  const gated = prepared.map((p, i) => ({ p, i })).filter(({ p }) => p.gated);
  const positives = gated.filter(({ p }) => isAd(p.row)).length;
  const adWeight = positives > 0 ? (gated.length - positives) / positives : 1;
  const combiner = fitCombiner(
    gated.map(({ p, i }) => combinerRow(input.pack, p, outOfFoldLogit[i] as number)),
    gated.map(({ p }) => (isAd(p.row) ? 1 : 0)),
    gated.map(({ p }) => (isAd(p.row) ? adWeight : 1)),
  );

  const model: LureModel = {
    format: 1,
    orders: [...MODEL_ORDERS],
    fold: input.fold.map(([from, to]) => [from, to]),
    ad: encodeHead(adHead),
    families: Object.fromEntries(LURE_CATEGORIES.map((c) => [c, encodeHead(familyHeads.get(c) as TrainedHead, FAMILY_WEIGHTS_KEPT)])) as LureModel['families'],
    combiner,
  };

  const outOfFold = prepared.map((p, i) => {
    let probability = scoreRules(input.pack, p.findings).score / 100;
    if (p.gated) {
      let z = combiner.bias;
      combinerRow(input.pack, p, outOfFoldLogit[i] as number).forEach((x, k) => (z += (combiner.weights[k] as number) * x));
      probability = sigmoid(z);
    }
    return { id: p.row.id, label: p.row.label, probability };
  });

  const lines: Record<string, number> = {};
  for (const p of prepared) lines[p.row.label] = (lines[p.row.label] ?? 0) + 1;
  const summary: ModelSummary = {
    lines,
    weights: {
      ad: model.ad.count,
      families: Object.fromEntries(LURE_CATEGORIES.map((c) => [c, model.families[c].count])) as Record<LureCategory, number>,
    },
    strongest: { for: strongest(adHead, spellings, 40, 1), against: strongest(adHead, spellings, 40, -1) },
    families: Object.fromEntries(LURE_CATEGORIES.map((c) => [c, strongest(familyHeads.get(c) as TrainedHead, spellings, 12, 1)])) as Record<LureCategory, [string, number][]>,
    combiner: Object.fromEntries([...COMBINER_FEATURES.map((name, k) => [name, Math.round((combiner.weights[k] as number) * 100) / 100]), ['bias', Math.round(combiner.bias * 100) / 100]]),
  };
  return { model, summary, outOfFold };
}

/**
 * What the lure model reads in one block: how strongly it says "ad" (a logit), which lure
 * families it shows, and the phrases that weighed most, as spans of the original text so the
 * page, the popup and the evidence report can quote the ad's own words.
 */
import { LURE_CATEGORIES, type LureCategory } from '../pack-schema';
import type { Span } from '../types';
import { decodeHead } from './encode';
import { forEachGram, modelText, quotedMask } from './features';
import type { LureModel } from './model-schema';
import type { TrainedHead } from './train';

export interface DecodedModel {
  orders: readonly number[];
  fold: readonly (readonly [number, number])[];
  ad: TrainedHead;
  families: ReadonlyMap<LureCategory, TrainedHead>;
  combiner: LureModel['combiner'];
}

/** every head's weight of an n-gram in one row (ad first, then the families in LURE_CATEGORIES order): one lookup per n-gram */
const rowsOf = new WeakMap<DecodedModel, Map<number, Float64Array>>();

function weightRows(model: DecodedModel): Map<number, Float64Array> {
  let rows = rowsOf.get(model);
  if (rows) return rows;
  rows = new Map();
  const heads = [model.ad, ...LURE_CATEGORIES.map((c) => model.families.get(c))];
  heads.forEach((head, column) => {
    for (const [id, w] of head?.weights ?? []) {
      let row = rows?.get(id);
      if (!row) {
        row = new Float64Array(heads.length);
        rows?.set(id, row);
      }
      row[column] = w;
    }
  });
  rowsOf.set(model, rows);
  return rows;
}

export interface FamilyReading {
  category: LureCategory;
  probability: number;
}

export interface ModelReading {
  /** the ad head's logit: above 0, the model alone would call the block an ad */
  logit: number;
  /** every family, most likely first */
  families: FamilyReading[];
  /** the strongest phrases, strongest first, in the original text */
  phrases: Span[];
}

const decoded = new WeakMap<LureModel, DecodedModel>();

/** The model ready to read: decoded once per model object. */
export function decodeModel(model: LureModel): DecodedModel {
  let ready = decoded.get(model);
  if (!ready) {
    ready = {
      orders: model.orders,
      fold: model.fold,
      ad: decodeHead(model.ad),
      families: new Map(LURE_CATEGORIES.map((c) => [c, decodeHead(model.families[c])])),
      combiner: model.combiner,
    };
    decoded.set(model, ready);
  }
  return ready;
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** a phrase's characters each carry at least this share of the strongest character's weight */
const PHRASE_SHARE = 0.25;
const MAX_PHRASES = 3;

export function readWithModel(model: DecodedModel, text: string): ModelReading {
  const normalized = modelText(text, model.fold);
  const quoted = quotedMask(text, normalized.offsets);
  const rows = weightRows(model);
  const seen = new Set<number>();
  // the ad head's logit first, then each family's
  const logits = [model.ad.bias, ...LURE_CATEGORIES.map((c) => model.families.get(c)?.bias ?? 0)];
  // how much ad evidence covers each character of the model text
  const cover = new Float64Array(normalized.text.length);
  forEachGram(
    normalized.text,
    model.orders,
    (id, start, length) => {
      const row = rows.get(id);
      if (!row) return;
      const w = row[0] as number;
      if (w > 0) for (let k = start; k < start + length; k++) cover[k] = (cover[k] as number) + w / length;
      if (seen.has(id)) return;
      seen.add(id);
      for (let column = 0; column < logits.length; column++) logits[column] = (logits[column] as number) + (row[column] as number);
    },
    quoted,
  );
  const logit = logits[0] as number;
  const families = LURE_CATEGORIES.map((category, i) => ({ category, probability: sigmoid(logits[i + 1] as number) })).sort(
    (a, b) => b.probability - a.probability,
  );
  return { logit, families, phrases: strongestPhrases(text, cover, normalized.offsets).map((span) => trimmed(text, span)) };
}

const EDGE = /[\s\p{P}\p{S}]/u;

/** A phrase's span without the punctuation and spaces at its edges, which the model text had dropped. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && EDGE.test(text[start] as string)) start++;
  while (end > start && EDGE.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** punctuation that ends a phrase (spacing and dots inside a word, as ads write them to dodge filters, do not) */
const BREAK = /[，。！？,!?；;：:“”「」『』《》（）()\n]/;

function breaksBetween(text: string, offsets: Int32Array, i: number): boolean {
  const from = (offsets[i - 1] as number) + 1;
  const to = offsets[i] as number;
  return to > from && BREAK.test(text.slice(from, to));
}

function strongestPhrases(text: string, cover: Float64Array, offsets: Int32Array): Span[] {
  const strongest = cover.reduce((m, v) => Math.max(m, v), 0);
  if (strongest <= 0) return [];
  const floor = strongest * PHRASE_SHARE;
  const runs: { start: number; end: number; weight: number }[] = [];
  for (let i = 0; i < cover.length; ) {
    if ((cover[i] as number) < floor) {
      i++;
      continue;
    }
    const start = i;
    let weight = 0;
    weight += cover[i++] as number;
    while (i < cover.length && (cover[i] as number) >= floor && !breaksBetween(text, offsets, i)) weight += cover[i++] as number;
    if (i - start >= 2) runs.push({ start, end: i, weight });
  }
  return runs
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_PHRASES)
    .map((r) => ({ start: offsets[r.start] as number, end: (offsets[r.end - 1] as number) + 1 }));
}

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
  /**
   * the ad head's logit over the whole block at once, where it differs from logit (a block longer
   * than one window): a block whose context says "warning" or "report" is judged on this
   */
  blockLogit?: number;
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

/**
 * How many characters of model text the model reads at once: about as long as most of the lines
 * it learnt from. A longer block is read window by window, so that innocent padding around an ad
 * cannot outweigh the ad's own words.
 */
export const MODEL_WINDOW = 64;
/** windows overlap by half, so a phrase shorter than the overlap lies wholly inside one of them */
const STRIDE = MODEL_WINDOW / 2;
/** a window's edge moves this far at most to fall on a sentence end */
const SNAP = MODEL_WINDOW / 8;

/** punctuation that ends a sentence: a window prefers to start and end there */
const SENTENCE_END = /[。！？!?；;…\n]/;

/** For each boundary i of the model text (between characters i-1 and i), whether a sentence ends there. */
function sentenceEnds(text: string, offsets: Int32Array): Uint8Array {
  const ends = new Uint8Array(offsets.length + 1);
  for (let i = 1; i < offsets.length; i++) {
    const from = (offsets[i - 1] as number) + 1;
    const to = offsets[i] as number;
    if (to > from && SENTENCE_END.test(text.slice(from, to))) ends[i] = 1;
  }
  return ends;
}

/** The boundary nearest to `at` within [low, high] where a sentence ends, or `at` itself. */
function snapped(ends: Uint8Array, at: number, low: number, high: number): number {
  for (let d = 0; d <= SNAP; d++) {
    if (at - d >= low && ends[at - d] === 1) return at - d;
    if (at + d <= high && ends[at + d] === 1) return at + d;
  }
  return at;
}

/**
 * A block up to this long is read whole, as the model's training lines were (the longest are
 * about this long); only a longer one is read in windows. Short texts, where a stray window would
 * be most of the text anyway, keep exactly the reading the model was trained and calibrated on.
 */
export const WINDOWED_FROM = 400;

/** The windows [start, end) of model text that the model reads: one window for a text up to WINDOWED_FROM. */
export function modelWindows(text: string, offsets: Int32Array): [number, number][] {
  const length = offsets.length;
  if (length <= WINDOWED_FROM) return [[0, length]];
  const ends = sentenceEnds(text, offsets);
  const windows: [number, number][] = [];
  for (let start = 0; ; ) {
    if (start + MODEL_WINDOW >= length) {
      windows.push([start, length]);
      return windows;
    }
    const end = snapped(ends, start + MODEL_WINDOW, start + MODEL_WINDOW - SNAP, start + MODEL_WINDOW);
    windows.push([start, end]);
    start = snapped(ends, start + STRIDE, start + STRIDE - SNAP, start + STRIDE + SNAP);
  }
}

export function readWithModel(model: DecodedModel, text: string): ModelReading {
  const normalized = modelText(text, model.fold);
  const length = normalized.text.length;
  const quoted = quotedMask(text, normalized.offsets);
  const rows = weightRows(model);
  const orders = model.orders;
  // each n-gram that carries weight, hashed once: which distinct row it is, by order and start
  const distinct: Float64Array[] = [];
  const keyOf = new Map<number, number>();
  const keys = new Int32Array(orders.length * length).fill(-1);
  forEachGram(
    normalized.text,
    orders,
    (id, start, gramLength) => {
      const row = rows.get(id);
      if (!row) return;
      let key = keyOf.get(id);
      if (key === undefined) {
        key = distinct.length;
        keyOf.set(id, key);
        distinct.push(row);
      }
      keys[orders.indexOf(gramLength) * length + start] = key;
    },
    quoted,
  );
  const biases = [model.ad.bias, ...LURE_CATEGORIES.map((c) => model.families.get(c)?.bias ?? 0)];
  // the training semantics inside each window: a distinct n-gram counts once
  const seenIn = new Int32Array(distinct.length).fill(-1);
  let best: { logits: number[]; window: [number, number] } | undefined;
  const allWindows = modelWindows(text, normalized.offsets);
  allWindows.forEach((window, w) => {
    const logits = [...biases];
    const [from, to] = window;
    orders.forEach((order, o) => {
      for (let start = from; start + order <= to; start++) {
        const key = keys[o * length + start] as number;
        if (key < 0 || seenIn[key] === w) continue;
        seenIn[key] = w;
        const row = distinct[key] as Float64Array;
        for (let column = 0; column < logits.length; column++) logits[column] = (logits[column] as number) + (row[column] as number);
      }
    });
    if (!best || (logits[0] as number) > (best.logits[0] as number)) best = { logits, window };
  });
  const { logits, window } = best ?? { logits: biases, window: [0, length] };
  // how much ad evidence covers each character of the strongest window
  const cover = new Float64Array(length);
  orders.forEach((order, o) => {
    for (let start = window[0]; start + order <= window[1]; start++) {
      const key = keys[o * length + start] as number;
      const w = key < 0 ? 0 : ((distinct[key] as Float64Array)[0] as number);
      if (w > 0) for (let k = start; k < start + order; k++) cover[k] = (cover[k] as number) + w / order;
    }
  });
  const logit = logits[0] as number;
  let blockLogit = model.ad.bias;
  for (const row of distinct) blockLogit += row[0] as number;
  const families = LURE_CATEGORIES.map((category, i) => ({ category, probability: sigmoid(logits[i + 1] as number) })).sort(
    (a, b) => b.probability - a.probability,
  );
  const phrases = strongestPhrases(text, cover, normalized.offsets).map((span) => trimmed(text, span));
  return allWindows.length > 1 ? { logit, blockLogit, families, phrases } : { logit, families, phrases };
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

/**
 * Training of the lure model's heads: logistic regression over hashed n-gram presence (each
 * distinct n-gram counts once, whatever the text's length: a long soft-sell article that ends in a
 * pitch keeps the pitch's weight), fitted
 * with FTRL-proximal (per-coordinate learning rates, L1 for a sparse model, L2 for small
 * weights), in a fixed order from a seeded shuffle. The same corpus and settings always give
 * the same weights, so a corpus change is a reviewable diff. Runs in Node at build time; pure.
 */
import { BUCKET_BITS } from './features';

export interface TrainingExample {
  /** distinct n-gram ids of the example's model text (features.ts gramSet) */
  grams: Uint32Array;
  label: 0 | 1;
  weight: number;
}

export interface TrainSettings {
  epochs: number;
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { epochs: 12, alpha: 0.1, beta: 1, l1: 0.5, l2: 1, seed: 20261207 };

/** A trained head: bias and the non-zero weights by n-gram id. */
export interface TrainedHead {
  bias: number;
  weights: Map<number, number>;
}

/** mulberry32: a small deterministic generator for the shuffle */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export function trainHead(examples: readonly TrainingExample[], settings: TrainSettings = DEFAULT_TRAIN_SETTINGS): TrainedHead {
  const { alpha, beta, l1, l2 } = settings;
  // FTRL state per bucket: typed arrays over the whole bucket space are far faster than maps
  const z = new Float64Array(1 << BUCKET_BITS);
  const n = new Float64Array(1 << BUCKET_BITS);
  const touched = new Uint8Array(1 << BUCKET_BITS);
  let biasZ = 0;
  let biasN = 0;
  const weightOf = (zi: number, ni: number, l1Here: number): number =>
    Math.abs(zi) <= l1Here ? 0 : -(zi - Math.sign(zi) * l1Here) / ((beta + Math.sqrt(ni)) / alpha + l2);
  const order = examples.map((_, i) => i);
  const next = random(settings.seed);
  let current = new Float64Array(256);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index] as TrainingExample;
      const grams = example.grams;
      if (current.length < grams.length) current = new Float64Array(grams.length * 2);
      const biasW = weightOf(biasZ, biasN, 0);
      let logit = biasW;
      for (let k = 0; k < grams.length; k++) {
        const id = grams[k] as number;
        const w = weightOf(z[id] as number, n[id] as number, l1);
        current[k] = w;
        logit += w;
      }
      const gradient = (sigmoid(logit) - example.label) * example.weight;
      if (gradient === 0) continue;
      const g2 = gradient * gradient;
      biasZ += gradient - ((Math.sqrt(biasN + g2) - Math.sqrt(biasN)) / alpha) * biasW;
      biasN += g2;
      const g = gradient;
      const gg = g * g;
      for (let k = 0; k < grams.length; k++) {
        const id = grams[k] as number;
        const ni = n[id] as number;
        z[id] = (z[id] as number) + g - ((Math.sqrt(ni + gg) - Math.sqrt(ni)) / alpha) * (current[k] as number);
        n[id] = ni + gg;
        touched[id] = 1;
      }
    }
  }
  const weights = new Map<number, number>();
  for (let id = 0; id < touched.length; id++) {
    if (touched[id] === 0) continue;
    const w = weightOf(z[id] as number, n[id] as number, l1);
    if (w !== 0) weights.set(id, w);
  }
  return { bias: weightOf(biasZ, biasN, 0), weights };
}

/** The head's logit for a text's n-grams. */
export function headLogit(head: TrainedHead, grams: Uint32Array): number {
  let logit = head.bias;
  for (const id of grams) logit += head.weights.get(id) ?? 0;
  return logit;
}

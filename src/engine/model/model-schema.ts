/**
 * The learned lure model as the pack ships it. Trained by the build from rules/corpus
 * (build-model.ts); read by read.ts; combined with the rules and context cues by score.ts.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { LURE_CATEGORIES } from '../pack-schema';

/** One logistic head: its bias and its non-zero weights, quantised to int8, ids delta-coded. */
export const EncodedHeadSchema = lazySchema(() =>
  z.object({
    bias: z.number(),
    /** weight = int8 value × scale */
    scale: z.number().check(z.positive()),
    /** the n-gram ids, ascending, as base64 of LEB128 deltas */
    ids: z.string(),
    /** one signed byte per id, base64 */
    weights: z.string(),
    count: z.int().check(z.gte(0)),
  }),
);
export type EncodedHead = z.infer<typeof EncodedHeadSchema>;

/** The features the combiner weighs, in this order (score.ts computes them). */
export const COMBINER_FEATURES = [
  'model',
  'rules',
  'live-rule',
  'warnings',
  'reported',
  'offers',
  'contacts',
  'own-lender',
  'negated',
  'quoted-only',
  'topic',
  'length',
] as const;
export type CombinerFeature = (typeof COMBINER_FEATURES)[number];

export const LureModelSchema = lazySchema(() =>
  z.object({
    format: z.literal(1),
    /** the n-gram orders read (1: characters, 2: pairs …) */
    orders: z.array(z.int().check(z.gte(1), z.lte(4))).check(z.minLength(1)),
    /** traditional → simplified (and NFKC) folds for the characters of the corpus */
    fold: z.array(z.tuple([z.int(), z.int()])),
    ad: EncodedHeadSchema,
    families: z.record(z.enum(LURE_CATEGORIES), EncodedHeadSchema),
    /** a logistic regression over COMBINER_FEATURES: its output is the block's probability */
    combiner: z.object({ weights: z.array(z.number()).check(z.length(COMBINER_FEATURES.length)), bias: z.number() }),
  }),
);
export type LureModel = z.infer<typeof LureModelSchema>;

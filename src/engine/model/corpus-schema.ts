/** One line of the project's own training corpus (rules/corpus/*.jsonl). */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { LURE_CATEGORIES } from '../pack-schema';

export const CORPUS_LABELS = ['ad', 'hard-negative', 'ordinary'] as const;
export type CorpusLabel = (typeof CORPUS_LABELS)[number];

export const CorpusLineSchema = lazySchema(() =>
  z
    .strictObject({
      text: z.string().check(z.minLength(2), z.maxLength(4000)),
      label: z.enum(CORPUS_LABELS),
      /** the lure families an ad shows; only ads carry them */
      families: z.optional(z.array(z.enum(LURE_CATEGORIES)).check(z.minLength(1))),
      /** where such a text appears: search-ad, dm-chat, news, lender-page … */
      channel: z.string().check(z.minLength(1), z.maxLength(40)),
      style: z.optional(z.string().check(z.maxLength(80))),
    })
    .check(
      z.refine((line) => (line.label === 'ad') === (line.families !== undefined), {
        message: 'an ad names the families it shows, and only an ad does',
        path: ['families'],
      }),
    ),
);
export type CorpusLine = z.infer<typeof CorpusLineSchema>;

/** A corpus line with where it came from. */
export interface CorpusRow extends CorpusLine {
  /** `file:line` */
  id: string;
  file: string;
}

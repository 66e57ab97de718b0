import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** The lure families of the taxonomy. A rule belongs to exactly one. */
export const LURE_CATEGORIES = [
  'false-promise',
  'upfront-fee',
  'data-harvest',
  'forgery-coaching',
  'off-platform',
  'debt-relief-offer',
] as const;
export const LureCategory = lazySchema(() =>
  z.enum(LURE_CATEGORIES),
);
export type LureCategory = z.infer<typeof LureCategory>;

/**
 * Context cues are not lures: they tell an offer apart from a report about offers.
 * warning: enforcement / anti-fraud / journalism vocabulary (警惕, 骗局, 记者调查).
 * reported: reported speech that frames a claim as someone else's (号称, 谎称, 打着…旗号).
 * negation: a safe clause right before a lure (切勿, 不要相信).
 * offer: first-person selling and calls to action (我们, 帮你, 立即咨询).
 * own-lender: the borrower dealing with their own lender (联系银行客服, 持卡人).
 * topic: the block is about someone's debt (逾期, 负债, 催收); without it, a hand-off, a fee
 *   or a data request is ordinary commerce.
 */
export const CUE_KINDS = ['warning', 'reported', 'negation', 'offer', 'own-lender', 'topic'] as const;
export const CueKind = lazySchema(() =>
  z.enum(CUE_KINDS),
);
export type CueKind = z.infer<typeof CueKind>;

const kebabId = lazySchema(() =>
  z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes')
    .max(64),
);

/**
 * A pattern is literal text. `{name}` expands to every spelling in the alias table;
 * `…` (or `...`) means "then, within `gap` characters". Nothing else is special, so
 * every pattern compiles to literals and matching stays linear in the text.
 */
export const PatternSource = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(48)
    .refine((p) => !/[\[\]()|\\^$+?]/.test(p), {
      message: 'patterns are literal text with {alias} and … only; regex syntax is not allowed',
    }),
);

export const Explanation = lazySchema(() =>
  z.object({
    claim: z.string().min(4).max(200),
    reality: z.string().min(4).max(300),
    advice: z.string().min(4).max(300),
  }),
);
export type Explanation = z.infer<typeof Explanation>;

export const Examples = lazySchema(() =>
  z.object({
    match: z.array(z.string().min(1).max(500)).min(1),
    noMatch: z.array(z.string().min(1).max(500)).min(1),
  }),
);

export const RuleSource = lazySchema(() =>
  z
    .object({
      id: kebabId,
      category: LureCategory,
      title: z.string().min(2).max(40),
      weight: z.number().int().min(1).max(100),
      patterns: z.array(PatternSource).min(1).max(80),
      gap: z.number().int().min(1).max(24).optional(),
      /** the rule's words are everyday words; they count only in a block that is about debt */
      needsTopic: z.boolean().optional(),
      explain: Explanation,
      examples: Examples,
      source: z.string().max(300).optional(),
    })
    .strict(),
);
export type RuleSource = z.infer<typeof RuleSource>;

export const CueSource = lazySchema(() =>
  z
    .object({
      id: kebabId,
      kind: CueKind,
      patterns: z.array(PatternSource).min(1).max(200),
      gap: z.number().int().min(1).max(24).optional(),
    })
    .strict(),
);
export type CueSource = z.infer<typeof CueSource>;

/** One source file: lure rules, context cues, aliases, or any mix of them. */
export const PackFileSource = lazySchema(() =>
  z
    .object({
      rules: z.array(RuleSource).optional(),
      cues: z.array(CueSource).optional(),
      aliases: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1).max(24)).min(1)).optional(),
    })
    .strict(),
);
export type PackFileSource = z.infer<typeof PackFileSource>;

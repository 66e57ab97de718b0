import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/** The messages of the pack schema's own checks; issue-text.ts names each by its key. */
export const SCHEMA_MESSAGES = {
  kebabId: 'must be kebab-case: lowercase letters, digits and single dashes',
  literalPattern: 'patterns are literal text with {alias} and … only; regex syntax is not allowed',
} as const;

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
 * candidate: the vocabulary of debt, lending, collection and refunds; adds no points, but a
 *   block that holds one is read by the learned model.
 */
export const CUE_KINDS = ['warning', 'reported', 'negation', 'offer', 'own-lender', 'topic', 'candidate'] as const;
export const CueKind = lazySchema(() =>
  z.enum(CUE_KINDS),
);
export type CueKind = z.infer<typeof CueKind>;

const kebabId = lazySchema(() =>
  z.string().check(
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, SCHEMA_MESSAGES.kebabId),
    z.maxLength(64),
  ),
);

/**
 * A pattern is literal text. `{name}` expands to every spelling in the alias table;
 * `…` (or `...`) means "then, within `gap` characters". Nothing else is special, so
 * every pattern compiles to literals and matching stays linear in the text.
 */
export const PatternSource = lazySchema(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(48),
    z.refine((p) => !/[\[\]()|\\^$+?]/.test(p), { message: SCHEMA_MESSAGES.literalPattern }),
  ),
);

export const Explanation = lazySchema(() =>
  z.object({
    claim: z.string().check(z.minLength(4), z.maxLength(200)),
    reality: z.string().check(z.minLength(4), z.maxLength(300)),
    advice: z.string().check(z.minLength(4), z.maxLength(300)),
  }),
);
export type Explanation = z.infer<typeof Explanation>;

export const Examples = lazySchema(() =>
  z.object({
    match: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1)),
    noMatch: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1)),
  }),
);

export const RuleSource = lazySchema(() =>
  z.strictObject({
    id: kebabId,
    category: LureCategory,
    title: z.string().check(z.minLength(2), z.maxLength(40)),
    weight: z.int().check(z.gte(1), z.lte(100)),
    patterns: z.array(PatternSource).check(z.minLength(1), z.maxLength(80)),
    gap: z.optional(z.int().check(z.gte(1), z.lte(24))),
    /** the rule's words are everyday words; they count only in a block that is about debt */
    needsTopic: z.optional(z.boolean()),
    explain: Explanation,
    examples: Examples,
    source: z.optional(z.string().check(z.maxLength(300))),
  }),
);
export type RuleSource = z.infer<typeof RuleSource>;

export const CueSource = lazySchema(() =>
  z.strictObject({
    id: kebabId,
    kind: CueKind,
    patterns: z.array(PatternSource).check(z.minLength(1), z.maxLength(200)),
    gap: z.optional(z.int().check(z.gte(1), z.lte(24))),
  }),
);
export type CueSource = z.infer<typeof CueSource>;

/** A lure family as a whole: what to say when the model reads it and no single rule does. */
export const FamilySource = lazySchema(() =>
  z.strictObject({
    title: z.string().check(z.minLength(2), z.maxLength(40)),
    explain: Explanation,
  }),
);
export type FamilySource = z.infer<typeof FamilySource>;

/** One source file: lure rules, context cues, aliases, family texts, or any mix of them. */
export const PackFileSource = lazySchema(() =>
  z.strictObject({
    rules: z.optional(z.array(RuleSource)),
    cues: z.optional(z.array(CueSource)),
    families: z.optional(z.partialRecord(LureCategory, FamilySource)),
    aliases: z.optional(
      z.record(
        z.string().check(z.regex(/^[a-z0-9-]+$/)),
        z.array(z.string().check(z.minLength(1), z.maxLength(24))).check(z.minLength(1)),
      ),
    ),
  }),
);
export type PackFileSource = z.infer<typeof PackFileSource>;

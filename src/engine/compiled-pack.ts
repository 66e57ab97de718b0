/**
 * The compiled pack: what the build makes of rules/*.yaml and the extension ships. This schema is
 * its one definition; the TypeScript types are inferred from it.
 *
 * Where it comes from and where it goes (one hop each):
 *   rules/*.yaml ─ src/cli/pack-files.ts (YAML, traditional-character folds)
 *     ─ compile.ts compilePack (each file checked by pack-schema.ts) ─ checkCompiledPack (here)
 *     ─ tools/build/pack-alias.ts: `virtual:fcs-pack` for the background, popup and options, and
 *       `virtual:fcs-pack-transport` (pack-transport.ts, compact JSON) for the content scripts
 *     ─ content/pack-script.ts leaves it in the isolated world ─ content/builtin-pack.ts decodes it.
 * The build validates the pack once, here, so a bad pack fails the build; the extension decodes
 * its own build's output without validating it again (start-up in every frame). Packs that come
 * from outside (custom rules) are compiled on the device by compilePack, which checks its sources.
 */
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { LureModelSchema } from './model/model-schema';
import { CueKind, Explanation, FamilySource, LureCategory } from './pack-schema';

const CompiledRuleSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    category: LureCategory,
    title: z.string(),
    weight: z.number(),
    needsTopic: z.optional(z.boolean()),
    explain: Explanation,
    source: z.optional(z.string()),
  }),
);

const CompiledCueSchema = lazySchema(() =>
  z.object({ id: z.string(), kind: CueKind }),
);

/** One thing the matcher can report: a rule or a cue, as a sequence of literal pieces. */
const CompiledEntrySchema = lazySchema(() =>
  z.object({
    /** index into rules when kind is 'rule', into cues when 'cue' */
    kind: z.enum(['rule', 'cue']),
    ref: z.int().check(z.gte(0)),
    /** literal indices, in order; more than one means "A … B" */
    pieces: z.array(z.int().check(z.gte(0))).check(z.minLength(1)),
    gap: z.int().check(z.gte(1)),
  }),
);

export const CompiledPackSchema = lazySchema(() =>
  z.object({
    format: z.literal(1),
    version: z.string().check(z.minLength(1)),
    rules: z.array(CompiledRuleSchema),
    cues: z.array(CompiledCueSchema),
    /** what to say of a whole lure family (rules/families.yaml) */
    families: z.optional(z.partialRecord(LureCategory, FamilySource)),
    /** normalised literal strings the automaton searches for */
    literals: z.array(z.string().check(z.minLength(1))),
    entries: z.array(CompiledEntrySchema),
    /** [from, to] char-code pairs folded beyond the built-in table (traditional → simplified) */
    fold: z.array(z.tuple([z.int(), z.int()])),
    /** the learned lure model (model/model-schema.ts); the content scripts' copy goes without it */
    model: z.optional(LureModelSchema),
  }),
);

export type CompiledPack = z.infer<typeof CompiledPackSchema>;
export type CompiledRule = z.infer<typeof CompiledRuleSchema>;
export type CompiledCue = z.infer<typeof CompiledCueSchema>;
export type CompiledEntry = z.infer<typeof CompiledEntrySchema>;

/** Validates a compiled pack and checks that its entries point inside it. */
export function checkCompiledPack(data: unknown): CompiledPack {
  const pack = CompiledPackSchema.parse(data);
  for (const entry of pack.entries) {
    const owner = entry.kind === 'rule' ? pack.rules : pack.cues;
    if (entry.ref >= owner.length || entry.pieces.some((p) => p >= pack.literals.length)) {
      throw new Error(`compiled pack ${pack.version}: an entry points outside the pack`);
    }
  }
  return pack;
}

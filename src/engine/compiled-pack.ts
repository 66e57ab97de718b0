import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { CueKind, Explanation, LureCategory } from './pack-schema';
import type { CompiledPack } from './types';

export const CompiledPackSchema = lazySchema(() =>
  z.object({
    format: z.literal(1),
    version: z.string().check(z.minLength(1)),
    rules: z.array(
      z.object({
        id: z.string(),
        category: LureCategory,
        title: z.string(),
        weight: z.number(),
        needsTopic: z.optional(z.boolean()),
        explain: Explanation,
        source: z.optional(z.string()),
      }),
    ),
    cues: z.array(z.object({ id: z.string(), kind: CueKind })),
    literals: z.array(z.string().check(z.minLength(1))),
    entries: z.array(
      z.object({
        kind: z.enum(['rule', 'cue']),
        ref: z.int().check(z.gte(0)),
        pieces: z.array(z.int().check(z.gte(0))).check(z.minLength(1)),
        gap: z.int().check(z.gte(1)),
      }),
    ),
    fold: z.array(z.tuple([z.int(), z.int()])),
  }),
);

/** Validates a compiled pack (from the build or a user import) and checks its references. */
export function loadCompiledPack(data: unknown): CompiledPack {
  const pack = CompiledPackSchema.parse(data);
  for (const entry of pack.entries) {
    const owner = entry.kind === 'rule' ? pack.rules : pack.cues;
    if (entry.ref >= owner.length || entry.pieces.some((p) => p >= pack.literals.length)) {
      throw new Error(`compiled pack ${pack.version}: an entry points outside the pack`);
    }
  }
  return pack as CompiledPack;
}

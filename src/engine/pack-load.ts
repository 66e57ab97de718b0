import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CueKind, Explanation, LureCategory } from './pack-schema';
import type { CompiledPack } from './types';

export const CompiledPackSchema = lazySchema(() =>
  z.object({
    format: z.literal(1),
    version: z.string().min(1),
    rules: z.array(
      z.object({
        id: z.string(),
        category: LureCategory,
        title: z.string(),
        weight: z.number(),
        needsTopic: z.boolean().optional(),
        explain: Explanation,
        source: z.string().optional(),
      }),
    ),
    cues: z.array(z.object({ id: z.string(), kind: CueKind })),
    literals: z.array(z.string().min(1)),
    entries: z.array(
      z.object({
        kind: z.enum(['rule', 'cue']),
        ref: z.number().int().min(0),
        pieces: z.array(z.number().int().min(0)).min(1),
        gap: z.number().int().min(1),
      }),
    ),
    fold: z.array(z.tuple([z.number().int(), z.number().int()])),
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

/** What to tell the user about a lure: a rule's own explanation, or its family's for a family the model read. */
import { LURE_CATEGORIES, type Explanation, type LureCategory } from './pack-schema';
import { FAMILY_MUTE_PREFIX } from './score';
import type { CompiledPack } from './types';

/** the family a `family-<category>` lure id names, if it names one */
export function familyOf(lureId: string): LureCategory | undefined {
  if (!lureId.startsWith(FAMILY_MUTE_PREFIX)) return undefined;
  const category = lureId.slice(FAMILY_MUTE_PREFIX.length);
  return LURE_CATEGORIES.find((c) => c === category);
}

export function explainLure(pack: CompiledPack, lureId: string): Explanation | undefined {
  const family = familyOf(lureId);
  if (family) return pack.families?.[family]?.explain;
  return pack.rules.find((r) => r.id === lureId)?.explain;
}

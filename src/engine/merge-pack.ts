/**
 * The built-in pack plus the user's custom rules, as one pack for the matcher and the scorer.
 * The custom pack is compiled on the device by the same `compilePack`; its rule and cue ids may
 * not reuse built-in ones, and its references are shifted past the built-in ones.
 */
import { alphabetSize, MAX_ALPHABET } from './automaton';
import { PackError, hashString } from './compile';
import { problem } from './issue-text';
import type { CompiledPack } from './types';

export function mergePacks(base: CompiledPack, extra: CompiledPack, extraFile = 'custom rules'): CompiledPack {
  const taken = new Set([...base.rules.map((r) => r.id), ...base.cues.map((c) => c.id)]);
  for (const item of [...extra.rules, ...extra.cues]) {
    if (taken.has(item.id)) throw new PackError(extraFile, item.id, 'id', problem('builtinId'));
  }
  const literalIndex = new Map(base.literals.map((l, i) => [l, i]));
  const literals = [...base.literals];
  const remap = extra.literals.map((literal) => {
    let index = literalIndex.get(literal);
    if (index === undefined) {
      index = literals.length;
      literals.push(literal);
      literalIndex.set(literal, index);
    }
    return index;
  });
  const alphabet = alphabetSize(literals);
  if (alphabet > MAX_ALPHABET) {
    throw new PackError(extraFile, undefined, 'patterns', problem('alphabet', { count: alphabet, limit: MAX_ALPHABET }));
  }
  const entries = [
    ...base.entries,
    ...extra.entries.map((entry) => ({
      ...entry,
      ref: entry.ref + (entry.kind === 'rule' ? base.rules.length : base.cues.length),
      pieces: entry.pieces.map((p) => remap[p] ?? p),
    })),
  ];
  const folded = new Map(base.fold);
  for (const [from, to] of extra.fold) if (!folded.has(from)) folded.set(from, to);
  return {
    format: 1,
    version: `${base.version}+${hashString(extra.version)}`,
    rules: [...base.rules, ...extra.rules],
    cues: [...base.cues, ...extra.cues],
    ...(base.families ? { families: base.families } : {}),
    literals,
    entries,
    fold: [...folded.entries()].sort((a, b) => a[0] - b[0]),
    ...(base.model ? { model: base.model } : {}),
  };
}

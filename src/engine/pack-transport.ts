import type { CompiledEntry, CompiledPack } from './types';

/**
 * The compiled pack as bundles carry it: the ~3,700 entries as columns instead of one small
 * object each, whose repeated keys made up most of the pack's JSON, and the literals as one
 * string. The content script parses this in every frame, so its size is start-up time; numbers
 * stay JSON arrays because JSON.parse reads those natively, faster than any decoding in script.
 * `packFromTransport` gives back exactly the compiled pack (a test compares them).
 */
export interface PackTransport extends Omit<CompiledPack, 'entries' | 'literals'> {
  /** the literals joined by LITERAL_SEPARATOR, which normalised text never holds */
  literals: string;
  entryColumns: {
    /** 'r' (rule) or 'c' (cue) per entry */
    kinds: string;
    refs: number[];
    gaps: number[];
    pieceCounts: number[];
    /** every entry's pieces, one after another */
    pieces: number[];
  };
}

const LITERAL_SEPARATOR = ' ';

export function packForTransport(pack: CompiledPack): PackTransport {
  const { entries, literals, ...rest } = pack;
  const unsafe = literals.find((l) => l.length === 0 || l.includes(LITERAL_SEPARATOR));
  if (unsafe !== undefined) throw new Error(`literal "${unsafe}" is empty or holds the separator; the pack cannot travel`);
  return {
    ...rest,
    literals: literals.join(LITERAL_SEPARATOR),
    entryColumns: {
      kinds: entries.map((e) => (e.kind === 'rule' ? 'r' : 'c')).join(''),
      refs: entries.map((e) => e.ref),
      gaps: entries.map((e) => e.gap),
      pieceCounts: entries.map((e) => e.pieces.length),
      pieces: entries.flatMap((e) => e.pieces),
    },
  };
}

export function packFromTransport(transport: PackTransport): CompiledPack {
  const { entryColumns: columns, literals, ...rest } = transport;
  const entries: CompiledEntry[] = new Array(columns.kinds.length);
  let next = 0;
  for (let e = 0; e < columns.kinds.length; e++) {
    const count = columns.pieceCounts[e] as number;
    entries[e] = {
      kind: columns.kinds.charCodeAt(e) === 0x72 ? 'rule' : 'cue',
      ref: columns.refs[e] as number,
      pieces: columns.pieces.slice(next, next + count),
      gap: columns.gaps[e] as number,
    };
    next += count;
  }
  return { ...rest, literals: literals.length > 0 ? literals.split(LITERAL_SEPARATOR) : [], entries };
}

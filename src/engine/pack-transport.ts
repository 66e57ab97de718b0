import type { CompiledEntry, CompiledPack } from './types';

/**
 * The compiled pack as bundles carry it: the ~3,000 entries as columns instead of one small
 * object each, whose repeated keys made up most of the pack's JSON. The content script parses
 * this in every frame, so its size is start-up time; `packFromTransport` gives back exactly the
 * compiled pack (a test compares them).
 */
export interface PackTransport extends Omit<CompiledPack, 'entries'> {
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

export function packForTransport(pack: CompiledPack): PackTransport {
  const { entries, ...rest } = pack;
  return {
    ...rest,
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
  const { entryColumns: columns, ...rest } = transport;
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
  return { ...rest, entries };
}

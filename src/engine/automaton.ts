import { createFolder, SKIP } from './char-fold';
import type { CompiledPack } from './types';

/**
 * Aho–Corasick compiled to a dense DFA. Normalisation is folded into `classOf`, one
 * entry per UTF-16 code unit: column 0 is "a character no pattern uses" (back to the
 * root), column 1 is "ignored inside phrases" (every state loops to itself), the rest
 * are the pack's alphabet. States that end a literal are numbered last, so the hot loop
 * is one table read per character and one comparison.
 */
export interface Automaton {
  readonly classOf: Uint16Array;
  readonly width: number;
  readonly next: Uint16Array | Uint32Array;
  /** states >= firstOutput end at least one literal */
  readonly firstOutput: number;
  /** literal ids ending in state s: outputs[outputStart[s - firstOutput] .. outputStart[s - firstOutput + 1]] */
  readonly outputStart: Uint32Array;
  readonly outputs: Uint32Array;
  /** length of each literal, in normalised characters */
  readonly literalLength: Uint16Array;
  readonly bytes: number;
}

const OTHER = 0;
const IGNORED = 1;

export function buildAutomaton(pack: Pick<CompiledPack, 'literals' | 'fold'>): Automaton {
  const fold = createFolder(pack.fold);
  const symbolOf = new Map<number, number>();
  for (const literal of pack.literals) {
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      if (!symbolOf.has(c)) symbolOf.set(c, symbolOf.size + 2);
    }
  }
  const width = symbolOf.size + 2;
  const classOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold(c);
    classOf[c] = f === SKIP ? IGNORED : (symbolOf.get(f) ?? OTHER);
  }

  // trie
  const gotoRows: Map<number, number>[] = [new Map()];
  const ownOutputs: number[][] = [[]];
  const depth: number[] = [0];
  pack.literals.forEach((literal, id) => {
    let s = 0;
    for (let i = 0; i < literal.length; i++) {
      const sym = symbolOf.get(literal.charCodeAt(i)) as number;
      let t = gotoRows[s]?.get(sym);
      if (t === undefined) {
        t = gotoRows.length;
        gotoRows.push(new Map());
        ownOutputs.push([]);
        depth.push((depth[s] ?? 0) + 1);
        gotoRows[s]?.set(sym, t);
      }
      s = t;
    }
    ownOutputs[s]?.push(id);
  });

  // BFS: failure links folded into a full transition table
  const count = gotoRows.length;
  const table = new Uint32Array(count * width);
  const fail = new Uint32Array(count);
  const outputsOf: number[][] = ownOutputs.map((o) => [...o]);
  const queue: number[] = [];
  for (let sym = 2; sym < width; sym++) {
    const t = gotoRows[0]?.get(sym);
    if (t !== undefined) {
      table[sym] = t;
      queue.push(t);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head] as number;
    const f = fail[s] as number;
    outputsOf[s] = [...(outputsOf[s] ?? []), ...(s === 0 ? [] : (outputsOf[f] ?? []))];
    table[s * width + IGNORED] = s;
    for (let sym = 2; sym < width; sym++) {
      const t = gotoRows[s]?.get(sym);
      const viaFail = table[f * width + sym] as number;
      if (t !== undefined) {
        fail[t] = viaFail;
        table[s * width + sym] = t;
        queue.push(t);
      } else {
        table[s * width + sym] = viaFail;
      }
    }
  }

  // renumber: states without output first, then states with output
  const order: number[] = [];
  const withOutput: number[] = [];
  for (let s = 0; s < count; s++) ((outputsOf[s]?.length ?? 0) > 0 ? withOutput : order).push(s);
  const firstOutput = order.length;
  order.push(...withOutput);
  const renumber = new Uint32Array(count);
  order.forEach((old, i) => (renumber[old] = i));

  const next = count < 0x10000 ? new Uint16Array(count * width) : new Uint32Array(count * width);
  for (let i = 0; i < count; i++) {
    const old = order[i] as number;
    for (let sym = 0; sym < width; sym++) next[i * width + sym] = renumber[table[old * width + sym] as number] as number;
  }
  const outputStart = new Uint32Array(withOutput.length + 1);
  const flat: number[] = [];
  withOutput.forEach((old, i) => {
    outputStart[i] = flat.length;
    flat.push(...(outputsOf[old] ?? []));
  });
  outputStart[withOutput.length] = flat.length;
  const outputs = Uint32Array.from(flat);
  const literalLength = Uint16Array.from(pack.literals.map((l) => l.length));

  return {
    classOf,
    width,
    next,
    firstOutput,
    outputStart,
    outputs,
    literalLength,
    bytes: classOf.byteLength + next.byteLength + outputStart.byteLength + outputs.byteLength + literalLength.byteLength,
  };
}

export interface LiteralHit {
  literal: number;
  /** original-text offsets: [start, end) */
  start: number;
  end: number;
}

/** Every literal occurrence in `text`, in order of end position. */
export function findLiterals(automaton: Automaton, text: string, from = 0, to = text.length): LiteralHit[] {
  const { classOf, width, next, firstOutput } = automaton;
  const hits: LiteralHit[] = [];
  let state = 0;
  for (let i = from; i < to; i++) {
    const cls = classOf[text.charCodeAt(i)] as number;
    state = next[state * width + cls] as number;
    // an ignored character loops in place: report a literal once, where it ends
    if (state >= firstOutput && cls !== IGNORED) collect(automaton, text, state, i, hits);
  }
  return hits;
}

function collect(automaton: Automaton, text: string, state: number, endIndex: number, hits: LiteralHit[]): void {
  const { outputStart, outputs, literalLength, classOf } = automaton;
  const k = state - automaton.firstOutput;
  for (let o = outputStart[k] as number; o < (outputStart[k + 1] as number); o++) {
    const literal = outputs[o] as number;
    // walk back over the literal's characters, stepping over ignored ones
    let remaining = (literalLength[literal] as number) - 1;
    let start = endIndex;
    while (remaining > 0 && start > 0) {
      start--;
      if (classOf[text.charCodeAt(start)] !== IGNORED) remaining--;
    }
    hits.push({ literal, start, end: endIndex + 1 });
  }
}

/** Number of normalised (not ignored) characters in text[from, to). */
export function normalizedLength(automaton: Automaton, text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (automaton.classOf[text.charCodeAt(i)] !== IGNORED) n++;
  return n;
}

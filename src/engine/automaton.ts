import { createFolder, SKIP } from './char-fold';
import type { CompiledPack } from './types';

/**
 * Multi-pattern matcher over the pack's literals, with normalisation folded into
 * `classOf`: one entry per UTF-16 code unit, class 0 for a character no pattern uses,
 * class 1 for a character ignored inside phrases (space, zero-width, punctuation), the
 * rest for the pack's alphabet.
 *
 * `classOf` (128 KB) and the class-pair bitmap do not fit in L1, so the scan does not read
 * them per character. It reads two 8 KB bitmaps keyed by raw code units instead: which code
 * units are ignored (only consulted outside the CJK ideograph block, which has none), and a
 * hashed set of raw (previous kept character, this character) pairs holding every folded
 * variant of every literal's first two characters. Ordinary text passes that test a few
 * times in a hundred; only then are `classOf` and the exact class-pair bitmap read, and where
 * those pass a walk down the trie from that start finds every literal beginning there,
 * bounded by the longest literal. Linear in the text, no backtracking.
 */
export interface Automaton {
  readonly classOf: Uint16Array;
  readonly width: number;
  /** bit (a * width + b) is set when some literal starts with classes a, b */
  readonly startPairs: Uint32Array;
  /** trie: children of node n are childClass/childNode[childStart[n] .. childStart[n + 1]], sorted by class */
  readonly childStart: Uint32Array;
  readonly childClass: Uint16Array;
  readonly childNode: Uint32Array;
  /** literal ids ending at node n: outputs[outputStart[n] .. outputStart[n + 1]] */
  readonly outputStart: Uint32Array;
  readonly outputs: Uint32Array;
  readonly maxLength: number;
  /** bit c: code unit c is ignored (class 1) */
  readonly ignoredBits: Int32Array;
  /** bit pairHash(a, b): some literal starts with raw code units a, b (after folding) */
  readonly rawPairBits: Int32Array;
  readonly bytes: number;
}

const OTHER = 0;
const IGNORED = 1;
export const MIN_LITERAL_LENGTH = 2;
const PAIR_HASH_BITS = 17;
const PAIR_HASH_MASK = (1 << PAIR_HASH_BITS) - 1;
/** the CJK unified ideographs block holds no ignored character: one compare skips the lookup */
const CJK_FIRST = 0x4e00;
const CJK_COUNT = 0xa000 - CJK_FIRST;

function pairHash(a: number, b: number): number {
  return ((a << 7) ^ b) & PAIR_HASH_MASK;
}

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

  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  const startPairs = new Uint32Array(Math.ceil((width * width) / 32));
  let maxLength = 0;
  pack.literals.forEach((literal, id) => {
    // one-character pieces are too common to scan for; the entries that use them are
    // checked around their longer pieces (see analyze.ts)
    if (literal.length < MIN_LITERAL_LENGTH) return;
    let node = 0;
    for (let i = 0; i < literal.length; i++) {
      const sym = symbolOf.get(literal.charCodeAt(i)) as number;
      let next = children[node]?.get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[node]?.set(sym, next);
      }
      node = next;
    }
    ends[node]?.push(id);
    const pair = (symbolOf.get(literal.charCodeAt(0)) as number) * width + (symbolOf.get(literal.charCodeAt(1)) as number);
    startPairs[pair >>> 5] = (startPairs[pair >>> 5] as number) | (1 << (pair & 31));
    maxLength = Math.max(maxLength, literal.length);
  });

  // every raw code unit that folds to each class, for the raw-pair prefilter
  const variants: number[][] = Array.from({ length: width }, () => []);
  const ignoredBits = new Int32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) {
    const cls = classOf[c] as number;
    if (cls >= 2) variants[cls]?.push(c);
    else if (cls === IGNORED) ignoredBits[c >>> 5] = (ignoredBits[c >>> 5] as number) | (1 << (c & 31));
  }
  const rawPairBits = new Int32Array((PAIR_HASH_MASK + 1) >>> 5);
  for (let a = 2; a < width; a++) {
    for (let b = 2; b < width; b++) {
      const pair = a * width + b;
      if (((startPairs[pair >>> 5] as number) & (1 << (pair & 31))) === 0) continue;
      for (const x of variants[a] ?? []) {
        for (const y of variants[b] ?? []) {
          const h = pairHash(x, y);
          rawPairBits[h >>> 5] = (rawPairBits[h >>> 5] as number) | (1 << (h & 31));
        }
      }
    }
  }

  const count = children.length;
  const childStart = new Uint32Array(count + 1);
  const edgeCount = children.reduce((n, m) => n + m.size, 0);
  const childClass = new Uint16Array(edgeCount);
  const childNode = new Uint32Array(edgeCount);
  const outputStart = new Uint32Array(count + 1);
  const flat: number[] = [];
  let e = 0;
  for (let n = 0; n < count; n++) {
    childStart[n] = e;
    for (const [sym, next] of [...(children[n] ?? [])].sort((a, b) => a[0] - b[0])) {
      childClass[e] = sym;
      childNode[e] = next;
      e++;
    }
    outputStart[n] = flat.length;
    flat.push(...(ends[n] ?? []));
  }
  childStart[count] = e;
  outputStart[count] = flat.length;
  const outputs = Uint32Array.from(flat);
  const arrays = [classOf, startPairs, childStart, childClass, childNode, outputStart, outputs, ignoredBits, rawPairBits];
  return {
    classOf,
    width,
    startPairs,
    childStart,
    childClass,
    childNode,
    outputStart,
    outputs,
    maxLength,
    ignoredBits,
    rawPairBits,
    bytes: arrays.reduce((n, a) => n + a.byteLength, 0),
  };
}

export interface LiteralHit {
  literal: number;
  /** original-text offsets: [start, end) */
  start: number;
  end: number;
}

/** Every literal occurrence in text[from, to), in order of start position. */
export function findLiterals(automaton: Automaton, text: string, from = 0, to = text.length): LiteralHit[] {
  const { classOf, width, startPairs, ignoredBits, rawPairBits } = automaton;
  const hits: LiteralHit[] = [];
  // the previous kept (not ignored) code unit; 0xffff is ignored, so it never forms a pair
  let previous = 0xffff;
  let previousAt = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code - CJK_FIRST >>> 0 >= CJK_COUNT && ((ignoredBits[code >>> 5] as number) & (1 << (code & 31))) !== 0) continue;
    const h = ((previous << 7) ^ code) & PAIR_HASH_MASK;
    if (((rawPairBits[h >>> 5] as number) & (1 << (h & 31))) !== 0) {
      const pair = (classOf[previous] as number) * width + (classOf[code] as number);
      if (((startPairs[pair >>> 5] as number) & (1 << (pair & 31))) !== 0) walkFrom(automaton, text, previousAt, to, hits);
    }
    previous = code;
    previousAt = i;
  }
  return hits;
}

/** All literals that start at `start`: follow the trie while the text allows. */
function walkFrom(automaton: Automaton, text: string, start: number, to: number, hits: LiteralHit[]): void {
  const { classOf, childStart, childClass, childNode, outputStart, outputs, maxLength } = automaton;
  let node = 0;
  let depth = 0;
  for (let j = start; j < to && depth < maxLength; j++) {
    const cls = classOf[text.charCodeAt(j)] as number;
    if (cls === IGNORED) continue;
    if (cls === OTHER) return;
    let e = childStart[node] as number;
    const end = childStart[node + 1] as number;
    while (e < end && (childClass[e] as number) < cls) e++;
    if (e === end || childClass[e] !== cls) return;
    node = childNode[e] as number;
    depth++;
    for (let o = outputStart[node] as number; o < (outputStart[node + 1] as number); o++) {
      hits.push({ literal: outputs[o] as number, start, end: j + 1 });
    }
  }
}

/** Occurrences of a one-character literal in text, found by class. */
export function findCharLiteral(automaton: Automaton, text: string, literal: number, char: string): LiteralHit[] {
  const wanted = automaton.classOf[char.charCodeAt(0)];
  const hits: LiteralHit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (automaton.classOf[text.charCodeAt(i)] === wanted) hits.push({ literal, start: i, end: i + 1 });
  }
  return hits;
}

/** Number of normalised (not ignored) characters in text[from, to). */
export function normalizedLength(automaton: Automaton, text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (automaton.classOf[text.charCodeAt(i)] !== IGNORED) n++;
  return n;
}

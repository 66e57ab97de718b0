import { BUILTIN_FOLDS, foldCode, SKIP, SKIP_RANGES } from './char-fold';
import { runSteps, type Steps } from './steps';
import type { CompiledPack } from './types';

/**
 * Multi-pattern matcher over the pack's literals, with normalisation folded into
 * `classOf`: one entry per UTF-16 code unit, class 0 for a character no pattern uses,
 * IGNORED (negative) for a character ignored inside phrases (space, zero-width,
 * punctuation), 2 and up for the pack's alphabet.
 *
 * Why this file is long: the tables, their build steps and the two loops that read them (the
 * scan and the trie walk) belong together; the loops close over the tables in one scope, which
 * is what keeps them fast, and splitting the file would split that scope.
 *
 * The scan reads one `classOf` entry per character and tests the (previous kept class, this
 * class) pair against a bitmap of every literal's first two classes; ordinary text passes a
 * few times in a thousand. Only there does a walk down the trie find every literal beginning
 * at that start, bounded by the longest literal. Linear in the text, no backtracking.
 */
export interface Automaton {
  readonly classOf: Int16Array;
  readonly width: number;
  /** bit (a * width + b) is set when some literal starts with classes a, b */
  readonly startPairs: Uint32Array;
  /** trie: children of node n are childClass/childNode[childStart[n] .. childStart[n + 1]], sorted by class */
  readonly childStart: Uint32Array;
  readonly childClass: Uint16Array;
  readonly childNode: Uint32Array;
  /** the root's children by class (0: none): the root has hundreds, every walk starts there */
  readonly rootChild: Uint32Array;
  /** literal ids ending at node n: outputs[outputStart[n] .. outputStart[n + 1]] */
  readonly outputStart: Uint32Array;
  readonly outputs: Uint32Array;
  readonly maxLength: number;
  readonly bytes: number;
  /** every literal occurrence in text, in order of start position (findLiterals) */
  readonly find: (text: string) => LiteralHit[];
}

const OTHER = 0;
/**
 * The one negative entry of classOf. Its low 15 bits are 0, so as a column of the pair bitmap it
 * is OTHER's (no literal starts or goes on there), and `entry >> 15` is -1 for it and 0 for any
 * other entry: the scan keeps the previous class across it with one shift, one `and`, one `or`.
 */
export const IGNORED = -0x8000;
const CLASS_BITS = 0x7fff;
export const MIN_LITERAL_LENGTH = 2;

/**
 * classOf[c] = the class of fold(c) (see char-fold.ts), built from the folding's ranges and
 * lists rather than by folding each of the 65,536 code units: this runs when a content script
 * starts, in every frame, before the JIT has warmed up.
 */
function buildClassTable(symbolOf: ReadonlyMap<number, number>, packFolds: readonly (readonly [number, number])[]): Int16Array {
  const classOf = new Int16Array(0x10000);
  const classOfFolded = (folded: number) => (folded === SKIP ? IGNORED : (symbolOf.get(folded) ?? OTHER));
  for (const [from, to] of SKIP_RANGES) classOf.fill(IGNORED, from, to + 1);
  for (const [code, sym] of symbolOf) if (foldCode(code) === code) classOf[code] = sym;
  for (const [from, to] of BUILTIN_FOLDS) classOf[from] = classOfFolded(to);
  // the pack's own pairs come last: they take precedence over the built-in folding
  for (const [from, to] of packFolds) classOf[from] = classOfFolded(foldCode(to));
  return classOf;
}

/** The most distinct characters a pack's patterns may use: the pair bitmap grows with its square (2 MB here). */
export const MAX_ALPHABET = 4000;

/** The distinct characters of the literals, numbered from 2 in order of first use. */
function alphabetOf(literals: readonly string[]): Map<number, number> {
  const symbolOf = new Map<number, number>();
  for (const literal of literals) {
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      if (!symbolOf.has(c)) symbolOf.set(c, symbolOf.size + 2);
    }
  }
  return symbolOf;
}

/** How many distinct characters the literals use (checked against MAX_ALPHABET). */
export function alphabetSize(literals: readonly string[]): number {
  return alphabetOf(literals).size;
}

export function buildAutomaton(pack: Pick<CompiledPack, 'literals' | 'fold'>): Automaton {
  return runSteps(automatonSteps(pack));
}

/**
 * buildAutomaton in steps of a few milliseconds each on an engine that has not warmed up: the
 * content script gives the page its turn between them (page-scanner.ts), since together they
 * are one of the longest things it does in a frame.
 */
export function* automatonSteps(pack: Pick<CompiledPack, 'literals' | 'fold'>): Steps<Automaton> {
  const symbolOf = alphabetOf(pack.literals);
  if (symbolOf.size > MAX_ALPHABET) {
    throw new Error(`the rule pack's patterns use ${symbolOf.size} distinct characters; at most ${MAX_ALPHABET} are supported`);
  }
  const width = symbolOf.size + 2;
  yield;
  const classOf = buildClassTable(symbolOf, pack.fold);
  yield;

  // The trie, built without a Map per node: literals are inserted in order of their class
  // sequences, so a node's children are created in increasing class order and a literal that
  // shares a prefix with the one before shares it along the newest children. Runs before the
  // JIT has warmed up (see buildClassTable), so plain loops over typed arrays.
  const scanned: number[] = [];
  const keys: string[] = [];
  for (let id = 0; id < pack.literals.length; id++) {
    const literal = pack.literals[id] as string;
    // one-character pieces are too common to scan for; the entries that use them are
    // checked around their longer pieces (see analyze.ts)
    if (literal.length < MIN_LITERAL_LENGTH) continue;
    let key = '';
    for (let i = 0; i < literal.length; i++) key += String.fromCharCode(symbolOf.get(literal.charCodeAt(i)) as number);
    scanned.push(id);
    keys[id] = key;
  }
  yield;
  scanned.sort((x, y) => ((keys[x] as string) < (keys[y] as string) ? -1 : (keys[x] as string) > (keys[y] as string) ? 1 : x - y));
  yield;

  let maxNodes = 1;
  for (const id of scanned) maxNodes += (keys[id] as string).length;
  const parentOf = new Uint32Array(maxNodes);
  const classAt = new Uint16Array(maxNodes);
  const lastChild = new Int32Array(maxNodes).fill(-1);
  const endCount = new Uint32Array(maxNodes + 1);
  const endOf = new Uint32Array(scanned.length);
  const startPairs = new Uint32Array(Math.ceil((width * width) / 32));
  let count = 1;
  let maxLength = 0;
  for (let k = 0; k < scanned.length; k++) {
    const key = keys[scanned[k] as number] as string;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const sym = key.charCodeAt(i);
      const child = lastChild[node] as number;
      if (child >= 0 && classAt[child] === sym) {
        node = child;
      } else {
        parentOf[count] = node;
        classAt[count] = sym;
        lastChild[node] = count;
        node = count++;
      }
    }
    endOf[k] = node;
    endCount[node + 1] = (endCount[node + 1] as number) + 1;
    const pair = key.charCodeAt(0) * width + key.charCodeAt(1);
    startPairs[pair >>> 5] = (startPairs[pair >>> 5] as number) | (1 << (pair & 31));
    if (key.length > maxLength) maxLength = key.length;
  }

  yield;

  // children of node n at childStart[n] .. childStart[n + 1], in creation (= class) order
  const childStart = new Uint32Array(count + 1);
  for (let n = 1; n < count; n++) childStart[(parentOf[n] as number) + 1] = (childStart[(parentOf[n] as number) + 1] as number) + 1;
  for (let n = 0; n < count; n++) childStart[n + 1] = (childStart[n + 1] as number) + (childStart[n] as number);
  const childClass = new Uint16Array(count - 1);
  const childNode = new Uint32Array(count - 1);
  const nextEdge = childStart.slice(0, count);
  for (let n = 1; n < count; n++) {
    const parent = parentOf[n] as number;
    const edge = nextEdge[parent] as number;
    nextEdge[parent] = edge + 1;
    childClass[edge] = classAt[n] as number;
    childNode[edge] = n;
  }
  const outputStart = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++) outputStart[n + 1] = (outputStart[n] as number) + (endCount[n + 1] as number);
  const outputs = new Uint32Array(scanned.length);
  const nextOutput = outputStart.slice(0, count);
  for (let k = 0; k < scanned.length; k++) {
    const node = endOf[k] as number;
    outputs[nextOutput[node] as number] = scanned[k] as number;
    nextOutput[node] = (nextOutput[node] as number) + 1;
  }
  const rootChild = new Uint32Array(width);
  for (let e = childStart[0] as number; e < (childStart[1] as number); e++) rootChild[childClass[e] as number] = childNode[e] as number;
  const arrays = [rootChild, classOf, startPairs, childStart, childClass, childNode, outputStart, outputs];
  const tables: Tables = { classOf, width, startPairs, childStart, childClass, childNode, rootChild, outputStart, outputs, maxLength };
  return { ...tables, bytes: arrays.reduce((n, a) => n + a.byteLength, 0), find: literalFinder(tables) };
}

export interface LiteralHit {
  literal: number;
  /** original-text offsets: [start, end) */
  start: number;
  end: number;
}

/** Every literal occurrence in text, in order of start position. */
export function findLiterals(automaton: Automaton, text: string): LiteralHit[] {
  return automaton.find(text);
}

type Tables = Omit<Automaton, 'find' | 'bytes'>;

/**
 * The scan and the trie walk as closures over the tables. V8 compiles a closure that exists
 * once (one matcher per frame) with its captured constants folded in: the tables' base and
 * length are known, so the scan loop carries no loads or checks for them. Taking the tables
 * from an object on each call instead made the scan markedly slower (npm run bench; figures in
 * BENCHMARKS.md). The loops run to `text.length` rather than a bound of their own, which lets V8
 * drop the bounds check on `charCodeAt`.
 */
function literalFinder(tables: Tables): Automaton['find'] {
  const { classOf, width, startPairs, childStart, childClass, childNode, rootChild, outputStart, outputs, maxLength } = tables;
  /** the class of the last kept character nextPairEnd saw, carried to its next call */
  let carriedClass = OTHER;

  /**
   * Where the next pair of kept characters that begins some literal ends: the position of the
   * pair's second character, or the text's length. The loop body has one table read per
   * character, no call, no store, and no branch but the rare exit: a call or a store in the
   * loop makes V8 keep the loop's values in memory rather than registers, and text mixes CJK,
   * Latin and punctuation too unpredictably for a branch per character. An ignored character
   * leaves `previous` as it was, by arithmetic: `entry >> 15` is -1 for IGNORED, else 0, and
   * IGNORED's class bits are 0 (OTHER's column of the bitmap, never set). Three operations
   * where testing for class 1 took seven.
   */
  function nextPairEnd(text: string, from: number): number {
    let previous = carriedClass;
    for (let i = from; i < text.length; i++) {
      const entry = classOf[text.charCodeAt(i)] as number;
      const k = entry & CLASS_BITS;
      const pair = previous * width + k;
      previous = (previous & (entry >> 15)) | k;
      if (((startPairs[pair >>> 5] as number) & (1 << (pair & 31))) !== 0) {
        carriedClass = previous;
        return i;
      }
    }
    carriedClass = previous;
    return text.length;
  }

  /** The last kept (not ignored) position before `at`; the pair test guarantees there is one. */
  function lastKeptBefore(text: string, at: number): number {
    let j = at - 1;
    while (j > 0 && classOf[text.charCodeAt(j)] === IGNORED) j--;
    return j;
  }

  /** All literals that start at `start`: follow the trie while the text allows. */
  function walkFrom(text: string, start: number, hits: LiteralHit[]): void {
    // `start` holds a kept character that begins some literal (the caller checked the pair)
    let node = rootChild[classOf[text.charCodeAt(start)] as number] as number;
    let depth = 1;
    for (let j = start + 1; j < text.length && depth < maxLength; j++) {
      const cls = classOf[text.charCodeAt(j)] as number;
      if (cls === IGNORED) continue;
      if (cls === OTHER) return;
      // children are sorted by class
      let lo = childStart[node] as number;
      const end = childStart[node + 1] as number;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((childClass[mid] as number) < cls) lo = mid + 1;
        else hi = mid;
      }
      if (lo === end || childClass[lo] !== cls) return;
      node = childNode[lo] as number;
      depth++;
      for (let o = outputStart[node] as number; o < (outputStart[node + 1] as number); o++) {
        hits.push({ literal: outputs[o] as number, start, end: j + 1 });
      }
    }
  }

  return (text) => {
    const hits: LiteralHit[] = [];
    carriedClass = OTHER;
    for (let i = nextPairEnd(text, 0); i < text.length; i = nextPairEnd(text, i + 1)) {
      walkFrom(text, lastKeptBefore(text, i), hits);
    }
    return hits;
  };
}

const variantsCache = new WeakMap<Automaton, Map<number, string[]>>();

/** Every code unit of class `cls`, as one-character strings (found once, then cached). */
function variantsOf(automaton: Automaton, cls: number): string[] {
  let byClass = variantsCache.get(automaton);
  if (!byClass) variantsCache.set(automaton, (byClass = new Map()));
  let variants = byClass.get(cls);
  if (!variants) {
    variants = [];
    for (let c = 0; c < 0x10000; c++) if (automaton.classOf[c] === cls) variants.push(String.fromCharCode(c));
    byClass.set(cls, variants);
  }
  return variants;
}

/** Occurrences of a one-character literal in text, found by class (indexOf per variant). */
export function findCharLiteral(automaton: Automaton, text: string, literal: number, char: string): LiteralHit[] {
  const hits: LiteralHit[] = [];
  const variants = variantsOf(automaton, automaton.classOf[char.charCodeAt(0)] as number);
  for (const variant of variants) {
    for (let i = text.indexOf(variant); i !== -1; i = text.indexOf(variant, i + 1)) hits.push({ literal, start: i, end: i + 1 });
  }
  return variants.length > 1 ? hits.sort((x, y) => x.start - y.start) : hits;
}

/**
 * The first position at or after `from` holding `char` (by class), with at most `gap`
 * normalised characters between `from` and it; -1 if there is none.
 */
export function findCharWithin(automaton: Automaton, text: string, char: string, from: number, gap: number): number {
  const { classOf } = automaton;
  const wanted = classOf[char.charCodeAt(0)] as number;
  let kept = 0;
  for (let j = from; j < text.length; j++) {
    const cls = classOf[text.charCodeAt(j)] as number;
    if (cls === wanted) return j;
    if (cls !== IGNORED && ++kept > gap) return -1;
  }
  return -1;
}

/**
 * Positions of `char` (by class) before `before` with at most `gap` normalised characters
 * between it and `before`, nearest first.
 */
export function findCharsBefore(automaton: Automaton, text: string, char: string, before: number, gap: number): number[] {
  const { classOf } = automaton;
  const wanted = classOf[char.charCodeAt(0)] as number;
  const found: number[] = [];
  let kept = 0;
  for (let j = before - 1; j >= 0; j--) {
    const cls = classOf[text.charCodeAt(j)] as number;
    if (cls === wanted) found.push(j);
    if (cls !== IGNORED && ++kept > gap) break;
  }
  return found;
}

/**
 * Whether text[from, to) holds at most `gap` normalised (not ignored) characters; stops
 * counting past `gap`, so a far-away occurrence costs no more than a near one.
 */
export function isWithinGap(automaton: Automaton, text: string, from: number, to: number, gap: number): boolean {
  if (to - from <= gap) return true;
  let kept = 0;
  for (let i = from; i < to; i++) if (automaton.classOf[text.charCodeAt(i)] !== IGNORED && ++kept > gap) return false;
  return true;
}

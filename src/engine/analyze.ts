import {
  automatonSteps,
  findCharLiteral,
  findCharsBefore,
  findCharWithin,
  findLiterals,
  MIN_LITERAL_LENGTH,
  isWithinGap,
  type Automaton,
  type LiteralHit,
} from './automaton';
import { runSteps, type Steps } from './steps';
import type { BlockFindings, CompiledEntry, CompiledPack, CueHit, LureHit } from './types';

/** A pack made ready for matching: build once per context, reuse for every block. */
export interface Matcher {
  readonly pack: CompiledPack;
  readonly automaton: Automaton;
  /** for each literal l, the entries it is a piece of (once per piece): ownerEntry[ownerStart[l] .. ownerStart[l + 1]] */
  readonly ownerStart: Uint32Array;
  readonly ownerEntry: Uint32Array;
  /** 1 for literals too short for the automaton; they are checked around longer pieces */
  readonly shortLiteral: Uint8Array;
  /** 1 for entries of a single piece: a hit of that piece is a hit of the entry */
  readonly singlePiece: Uint8Array;
  /** per entry, its pieces the automaton finds (the long ones): chained once all are found */
  readonly longPieces: Uint8Array;
  /** per entry, how many of them the current call has found (valid while countedIn[e] is the call) */
  readonly foundPieces: Uint8Array;
  readonly countedIn: Uint32Array;
  /** per literal, the call of matchEntries that last found it (a set cleared by counting on) */
  readonly seenIn: Uint32Array;
  call: number;
}

/**
 * Plain counting loops, no closures or intermediate arrays: this runs in every frame that has
 * text, before the JIT has warmed up, where each callback and array copy costs.
 */
export function createMatcher(pack: CompiledPack): Matcher {
  return runSteps(matcherSteps(pack));
}

/** createMatcher in steps (see automatonSteps), for a caller that yields to the page between them. */
export function* matcherSteps(pack: CompiledPack): Steps<Matcher> {
  const automaton = yield* automatonSteps(pack);
  yield;
  const { literals, entries } = pack;
  const ownerStart = new Uint32Array(literals.length + 1);
  for (const entry of entries) for (const literal of entry.pieces) ownerStart[literal + 1] = (ownerStart[literal + 1] as number) + 1;
  for (let l = 0; l < literals.length; l++) ownerStart[l + 1] = (ownerStart[l + 1] as number) + (ownerStart[l] as number);
  const ownerEntry = new Uint32Array(ownerStart[literals.length] as number);
  const filled = ownerStart.slice(0, literals.length);
  const shortLiteral = new Uint8Array(literals.length);
  for (let l = 0; l < literals.length; l++) shortLiteral[l] = (literals[l] as string).length < MIN_LITERAL_LENGTH ? 1 : 0;
  const singlePiece = new Uint8Array(entries.length);
  const longPieces = new Uint8Array(entries.length);
  for (let e = 0; e < entries.length; e++) {
    const pieces = (entries[e] as CompiledPack['entries'][number]).pieces;
    singlePiece[e] = pieces.length === 1 ? 1 : 0;
    for (const literal of pieces) {
      const at = filled[literal] as number;
      filled[literal] = at + 1;
      ownerEntry[at] = e;
      if (shortLiteral[literal] === 0) longPieces[e] = (longPieces[e] as number) + 1;
    }
  }
  return {
    pack,
    automaton,
    ownerStart,
    ownerEntry,
    shortLiteral,
    singlePiece,
    longPieces,
    foundPieces: new Uint8Array(entries.length),
    countedIn: new Uint32Array(entries.length),
    seenIn: new Uint32Array(literals.length),
    call: 0,
  };
}

interface EntryHit {
  entry: number;
  start: number;
  end: number;
}

/** Every rule and cue occurrence in `text`, with original-text spans. */
export function matchEntries(matcher: Matcher, text: string): EntryHit[] {
  const literalHits = findLiterals(matcher.automaton, text);
  // the rest is a function of its own, which V8 does not inline here: the scan, inlined into
  // this function, runs its loop faster in a small one (npm run bench shows it)
  return literalHits.length === 0 ? [] : entriesOf(matcher, text, literalHits);
}

/** The rule and cue occurrences that the literal hits of `text` make. */
function entriesOf(matcher: Matcher, text: string, literalHits: readonly LiteralHit[]): EntryHit[] {
  const out: EntryHit[] = [];
  const { ownerStart, ownerEntry, shortLiteral, singlePiece, longPieces, foundPieces, countedIn, seenIn } = matcher;
  const call = (matcher.call = (matcher.call + 1) >>> 0 || 1);
  // a multi-piece entry is worth chaining once the automaton has found all its long pieces:
  // counted as each literal is first found, so an entry costs nothing until then
  let chains: number[] | undefined;
  for (const hit of literalHits) {
    const firstFound = seenIn[hit.literal] !== call;
    seenIn[hit.literal] = call;
    for (let o = ownerStart[hit.literal] as number; o < (ownerStart[hit.literal + 1] as number); o++) {
      const entry = ownerEntry[o] as number;
      if (singlePiece[entry] === 1) out.push({ entry, start: hit.start, end: hit.end });
      else if (firstFound) {
        const found = countedIn[entry] === call ? (foundPieces[entry] as number) + 1 : 1;
        countedIn[entry] = call;
        foundPieces[entry] = found;
        if (found === longPieces[entry]) (chains ??= []).push(entry);
      }
    }
  }
  // literal hits come in start order, so single-piece hits do too: only chains need sorting
  if (chains === undefined) return out;
  // a block holds a handful of literal hits: plain scans of them, no index to build
  let chained = false;
  for (const e of chains) {
    const entry = matcher.pack.entries[e] as CompiledEntry;
    const head = entry.pieces[0] as number;
    const firsts = shortLiteral[head] === 1 ? shortHeads(matcher, text, entry, literalHits) : literalHits;
    for (const first of firsts) {
      if (first.literal !== head) continue;
      const end = chainEnd(matcher, text, entry, literalHits, first.end);
      if (end !== undefined) {
        out.push({ entry: e, start: first.start, end });
        chained = true;
      }
    }
  }
  return chained ? out.sort((a, b) => a.start - b.start || a.end - b.end) : out;
}

/**
 * The occurrences of a one-character first piece that could start a chain: those within the
 * gap before an occurrence of the second piece (any other one cannot reach it), found by
 * looking back from there instead of over the whole block.
 */
function shortHeads(matcher: Matcher, text: string, entry: CompiledEntry, literalHits: readonly LiteralHit[]): LiteralHit[] {
  const head = entry.pieces[0] as number;
  const char = matcher.pack.literals[head] ?? '';
  const second = entry.pieces[1];
  if (second === undefined || matcher.shortLiteral[second] === 1) return findCharLiteral(matcher.automaton, text, head, char);
  const starts = new Set<number>();
  for (const hit of literalHits) {
    if (hit.literal === second) for (const at of findCharsBefore(matcher.automaton, text, char, hit.start, entry.gap)) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b).map((start) => ({ literal: head, start, end: start + 1 }));
}

/**
 * Where the chain of `entry`'s pieces after the first ends, each piece the first occurrence
 * starting within `gap` normalised characters of the one before; a one-character piece is
 * looked for right there rather than over the whole block. `literalHits` are in start order,
 * so the first hit past the gap ends the search for a piece.
 */
function chainEnd(matcher: Matcher, text: string, entry: CompiledEntry, literalHits: readonly LiteralHit[], from: number): number | undefined {
  const { automaton, shortLiteral } = matcher;
  let end = from;
  for (let p = 1; p < entry.pieces.length; p++) {
    const piece = entry.pieces[p] as number;
    if (shortLiteral[piece] === 1) {
      const at = findCharWithin(automaton, text, matcher.pack.literals[piece] ?? '', end, entry.gap);
      if (at < 0) return undefined;
      end = at + 1;
      continue;
    }
    let next = -1;
    for (const hit of literalHits) {
      if (hit.start < end) continue;
      if (!isWithinGap(automaton, text, end, hit.start, entry.gap)) break;
      if (hit.literal === piece) {
        next = hit.end;
        break;
      }
    }
    if (next < 0) return undefined;
    end = next;
  }
  return end;
}

const OPEN_QUOTES = new Set([0x201c, 0x300c, 0x300e, 0x300a, 0x2018, 0xff02]);
const CLOSE_QUOTES = new Set([0x201d, 0x300d, 0x300f, 0x300b, 0x2019]);
const ASCII_QUOTE = 0x22;
/** how close (in original characters) a safe clause must come before a lure to negate it */
const NEGATION_REACH = 10;
const SENTENCE_END = /[。！？!?；;\n]/;

/** Quote depth at each requested offset, in one pass over the text. */
function quoteDepthAt(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let depth = 0;
  let asciiOpen = false;
  let w = 0;
  for (let i = 0; i <= text.length && w < wanted.length; i++) {
    while (w < wanted.length && wanted[w] === i) result.set(wanted[w++] as number, depth + (asciiOpen ? 1 : 0));
    const c = text.charCodeAt(i);
    // nearly every character is below the first quote or a CJK ideograph above the last
    if (c < ASCII_QUOTE || (c > ASCII_QUOTE && c < 0x2018) || (c > 0x300f && c !== 0xff02)) continue;
    if (OPEN_QUOTES.has(c)) depth++;
    else if (CLOSE_QUOTES.has(c)) depth = Math.max(0, depth - 1);
    else if (c === ASCII_QUOTE) asciiOpen = !asciiOpen;
  }
  return result;
}

const CONTACT_PATTERNS: readonly RegExp[] = [
  /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g,
  /(?<!\d)(?:400|800)[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g,
  /(?:微信|v信|vx|wx|威信|薇信|weixin|wechat)[号:：\s]*[a-z][a-z0-9_-]{5,19}/gi,
  /(?:qq|扣扣)[号群:：\s]*\d{5,11}/gi,
  /https?:\/\/[^\s"'<>]{4,}/gi,
];

export function countContacts(text: string): number {
  let count = 0;
  for (const pattern of CONTACT_PATTERNS) count += text.match(pattern)?.length ?? 0;
  return count;
}

/** What one block of text says, for scoring. Pure: no DOM, no browser API. */
export function analyzeBlock(matcher: Matcher, text: string): BlockFindings {
  const hits = matchEntries(matcher, text);
  const { pack } = matcher;
  const lures: LureHit[] = [];
  const cues: CueHit[] = [];
  for (const hit of hits) {
    const entry = pack.entries[hit.entry];
    if (!entry) continue;
    if (entry.kind === 'cue') {
      const cue = pack.cues[entry.ref];
      if (cue) cues.push({ cueId: cue.id, kind: cue.kind, start: hit.start, end: hit.end });
    } else {
      const rule = pack.rules[entry.ref];
      if (rule) lures.push({ ruleId: rule.id, start: hit.start, end: hit.end, quoted: false, negated: false });
    }
  }
  if (lures.length > 0) {
    const depth = quoteDepthAt(text, lures.map((l) => l.start));
    const negations = cues.filter((c) => c.kind === 'negation');
    for (const lure of lures) {
      lure.quoted = (depth.get(lure.start) ?? 0) > 0;
      lure.negated = negations.some(
        (n) => n.end <= lure.start && lure.start - n.end <= NEGATION_REACH && !SENTENCE_END.test(text.slice(n.end, lure.start)),
      );
    }
  }
  return { length: text.length, lures: dedupeSpans(lures), cues, contacts: lures.length > 0 ? countContacts(text) : 0 };
}

function dedupeSpans(lures: LureHit[]): LureHit[] {
  const seen = new Set<string>();
  return lures.filter((l) => {
    const key = `${l.ruleId}:${l.start}:${l.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

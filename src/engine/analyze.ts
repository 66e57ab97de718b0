import {
  buildAutomaton,
  findCharLiteral,
  findLiterals,
  MIN_LITERAL_LENGTH,
  normalizedLength,
  type Automaton,
  type LiteralHit,
} from './automaton';
import type { BlockFindings, CompiledPack, CueHit, LureHit } from './types';

/** A pack made ready for matching: build once per context, reuse for every block. */
export interface Matcher {
  readonly pack: CompiledPack;
  readonly automaton: Automaton;
  /** for each literal l, the (entry, piece) pairs it takes part in: ownerEntry/ownerPiece[ownerStart[l] .. ownerStart[l + 1]] */
  readonly ownerStart: Uint32Array;
  readonly ownerEntry: Uint32Array;
  readonly ownerPiece: Uint8Array;
  /** 1 for literals too short for the automaton; they are checked around longer pieces */
  readonly shortLiteral: Uint8Array;
  /** 1 for entries of a single piece: a hit of that piece is a hit of the entry */
  readonly singlePiece: Uint8Array;
  /** per entry, the first piece the automaton finds: an entry is tried only when it is found */
  readonly triggerPiece: Uint8Array;
  /** per literal, the call of matchEntries that last found it (a set cleared by counting on) */
  readonly seenIn: Uint32Array;
  /** per entry, the call of matchEntries that last queued it */
  readonly queuedIn: Uint32Array;
  call: number;
}

/**
 * Plain counting loops, no closures or intermediate arrays: this runs in every frame that has
 * text, before the JIT has warmed up, where each callback and array copy costs.
 */
export function createMatcher(pack: CompiledPack): Matcher {
  const automaton = buildAutomaton(pack);
  const { literals, entries } = pack;
  const ownerStart = new Uint32Array(literals.length + 1);
  for (const entry of entries) for (const literal of entry.pieces) ownerStart[literal + 1] = (ownerStart[literal + 1] as number) + 1;
  for (let l = 0; l < literals.length; l++) ownerStart[l + 1] = (ownerStart[l + 1] as number) + (ownerStart[l] as number);
  const ownerEntry = new Uint32Array(ownerStart[literals.length] as number);
  const ownerPiece = new Uint8Array(ownerEntry.length);
  const filled = ownerStart.slice(0, literals.length);
  const shortLiteral = new Uint8Array(literals.length);
  for (let l = 0; l < literals.length; l++) shortLiteral[l] = (literals[l] as string).length < MIN_LITERAL_LENGTH ? 1 : 0;
  const singlePiece = new Uint8Array(entries.length);
  const triggerPiece = new Uint8Array(entries.length);
  for (let e = 0; e < entries.length; e++) {
    const pieces = (entries[e] as CompiledPack['entries'][number]).pieces;
    singlePiece[e] = pieces.length === 1 ? 1 : 0;
    let trigger = -1;
    for (let piece = 0; piece < pieces.length; piece++) {
      const literal = pieces[piece] as number;
      const at = filled[literal] as number;
      filled[literal] = at + 1;
      ownerEntry[at] = e;
      ownerPiece[at] = piece;
      if (trigger < 0 && shortLiteral[literal] === 0) trigger = piece;
    }
    triggerPiece[e] = Math.max(0, trigger);
  }
  const seenIn = new Uint32Array(literals.length);
  const queuedIn = new Uint32Array(entries.length);
  return { pack, automaton, ownerStart, ownerEntry, ownerPiece, shortLiteral, singlePiece, triggerPiece, seenIn, queuedIn, call: 0 };
}

interface EntryHit {
  entry: number;
  start: number;
  end: number;
}

/** Every rule and cue occurrence in `text`, with original-text spans. */
export function matchEntries(matcher: Matcher, text: string): EntryHit[] {
  const literalHits = findLiterals(matcher.automaton, text);
  if (literalHits.length === 0) return [];
  const out: EntryHit[] = [];
  const { ownerStart, ownerEntry, ownerPiece, singlePiece, triggerPiece, shortLiteral, seenIn, queuedIn } = matcher;
  const call = (matcher.call = (matcher.call + 1) >>> 0 || 1);
  let candidates: number[] | undefined;
  for (const hit of literalHits) {
    seenIn[hit.literal] = call;
    for (let o = ownerStart[hit.literal] as number; o < (ownerStart[hit.literal + 1] as number); o++) {
      const entry = ownerEntry[o] as number;
      if (singlePiece[entry] === 1) out.push({ entry, start: hit.start, end: hit.end });
      else if (ownerPiece[o] === triggerPiece[entry] && queuedIn[entry] !== call) {
        queuedIn[entry] = call;
        (candidates ??= []).push(entry);
      }
    }
  }
  // an entry is worth chaining only when every piece the automaton finds was found
  candidates = candidates?.filter(
    (e) => matcher.pack.entries[e]?.pieces.every((p) => shortLiteral[p] === 1 || seenIn[p] === call) ?? false,
  );
  // literal hits come in start order, so single-piece hits do too: only chains need sorting
  if (candidates === undefined || candidates.length === 0) return out;
  const byLiteral = new Map<number, LiteralHit[]>();
  for (const hit of literalHits) {
    const list = byLiteral.get(hit.literal);
    if (list) list.push(hit);
    else byLiteral.set(hit.literal, [hit]);
  }
  let chained = false;
  for (const e of candidates) {
    const entry = matcher.pack.entries[e];
    if (!entry || !entry.pieces.every((p) => matcher.shortLiteral[p] === 1 || byLiteral.has(p))) continue;
    for (const p of entry.pieces) {
      if (matcher.shortLiteral[p] === 1 && !byLiteral.has(p)) {
        byLiteral.set(p, findCharLiteral(matcher.automaton, text, p, matcher.pack.literals[p] ?? ''));
      }
    }
    if (!entry.pieces.every((p) => (byLiteral.get(p)?.length ?? 0) > 0)) continue;
    for (const first of byLiteral.get(entry.pieces[0] as number) ?? []) {
      const end = chainEnd(matcher.automaton, text, entry.pieces, entry.gap, byLiteral, first);
      if (end !== undefined) {
        out.push({ entry: e, start: first.start, end });
        chained = true;
      }
    }
  }
  return chained ? out.sort((a, b) => a.start - b.start || a.end - b.end) : out;
}

function chainEnd(
  automaton: Automaton,
  text: string,
  pieces: readonly number[],
  gap: number,
  byLiteral: ReadonlyMap<number, LiteralHit[]>,
  first: LiteralHit,
): number | undefined {
  let end = first.end;
  for (let p = 1; p < pieces.length; p++) {
    const candidates = byLiteral.get(pieces[p] as number) ?? [];
    const next = candidates.find(
      (h) => h.start >= end && normalizedLength(automaton, text, end, h.start) <= gap,
    );
    if (!next) return undefined;
    end = next.end;
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

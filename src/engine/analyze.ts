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
  /** for each literal, the (entry, piece) pairs it takes part in */
  readonly owners: readonly (readonly [number, number])[][];
  /** 1 for literals too short for the automaton; they are checked around longer pieces */
  readonly shortLiteral: Uint8Array;
}

export function createMatcher(pack: CompiledPack): Matcher {
  const automaton = buildAutomaton(pack);
  const owners: [number, number][][] = pack.literals.map(() => []);
  pack.entries.forEach((entry, e) => entry.pieces.forEach((literal, piece) => owners[literal]?.push([e, piece])));
  const shortLiteral = Uint8Array.from(pack.literals, (l) => (l.length < MIN_LITERAL_LENGTH ? 1 : 0));
  return { pack, automaton, owners, shortLiteral };
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
  const byLiteral = new Map<number, LiteralHit[]>();
  const candidates = new Set<number>();
  for (const hit of literalHits) {
    for (const [entry, piece] of matcher.owners[hit.literal] ?? []) {
      if ((matcher.pack.entries[entry]?.pieces.length ?? 0) === 1 && piece === 0) {
        out.push({ entry, start: hit.start, end: hit.end });
      } else {
        candidates.add(entry);
      }
    }
    const list = byLiteral.get(hit.literal);
    if (list) list.push(hit);
    else byLiteral.set(hit.literal, [hit]);
  }
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
      if (end !== undefined) out.push({ entry: e, start: first.start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
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

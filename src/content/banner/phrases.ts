/**
 * The phrases of a flagged block, as the page wrote them: the text at the lure spans, widened
 * to whole words. The spans end where the evidence ends, not where the word does: a rule's
 * pattern is often a stem (不成功{100%}退 matches 退费, 退款 and 退钱 alike) and the model's
 * strongest run stops where its weight falls under the floor (签正规合 of 签正规合同). Shown as
 * they are, they cut a word short (不成功100%退 without 费), so each end is moved out to the
 * edge of the word it falls in, by the browser's own word segmentation (Intl.Segmenter), and
 * never past it.
 */
import type { FlaggedBlock } from '../../shared/messages';

interface Segment {
  segment: string;
  index: number;
}
interface WordSegmenter {
  segment(text: string): Iterable<Segment>;
}

const SegmenterCtor = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => WordSegmenter }).Segmenter;
let segmenter: WordSegmenter | undefined | null;

function words(): WordSegmenter | undefined {
  if (segmenter === undefined) segmenter = SegmenterCtor ? new SegmenterCtor('zh', { granularity: 'word' }) : null;
  return segmenter ?? undefined;
}

/** how far around a span the text is segmented: enough for any word to be seen whole */
const CONTEXT = 12;
/** a segment that is a word: letters or digits (Firefox marks some Chinese words, 退费, as not word-like) */
const WORDISH = /[\p{L}\p{N}]/u;

/** `[start, end)` widened so that neither end falls inside a word. */
export function toWholeWords(text: string, start: number, end: number): { start: number; end: number } {
  const segmenter = words();
  if (!segmenter || end <= start) return { start, end };
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  let wideStart = start;
  let wideEnd = end;
  for (const { segment, index } of segmenter.segment(text.slice(from, to))) {
    if (!WORDISH.test(segment)) continue;
    const a = from + index;
    const b = a + segment.length;
    if (a < start && b > start) wideStart = a;
    if (a < end && b > end) wideEnd = b;
  }
  return { start: wideStart, end: wideEnd };
}

/** A phrase of the page and how much the rule that found it weighs (0: the model's phrase). */
export interface Phrase {
  text: string;
  points: number;
}

/** The phrases of a flagged block in span order, whole words, each once (at its highest points), without the breaks extraction inserts. */
export function weighedPhrasesOf(text: string, spans: FlaggedBlock['spans']): Phrase[] {
  const phrases = new Map<string, number>();
  for (const span of spans) {
    const { start, end } = toWholeWords(text, span.start, span.end);
    const phrase = text.slice(start, end).replace(/\n/g, '').trim();
    if (phrase.length > 0) phrases.set(phrase, Math.max(phrases.get(phrase) ?? 0, span.points ?? 0));
  }
  return [...phrases].map(([phrase, points]) => ({ text: phrase, points }));
}

/** The phrases of a flagged block in span order, whole words, each once, without the breaks extraction inserts. */
export function phrasesOf(text: string, spans: FlaggedBlock['spans']): string[] {
  return weighedPhrasesOf(text, spans).map((p) => p.text);
}

/** at most this many of the ad's own phrases in the banner; the popup has them all */
export const MAX_QUOTES = 3;
const MAX_QUOTE_CHARS = 24;
/** a phrase across a clause break reads as two half-sentences: not quoted */
const CLAUSE_BREAK = /[，。！？；：,!?;]/;

/**
 * The ad's own words for the banner: the strongest lures first (a rule's points; the model's
 * phrases after every rule's), short ones, none inside another.
 */
export function quotesOf(phrases: readonly Phrase[]): string[] {
  const ranked = [...phrases].sort((a, b) => b.points - a.points);
  const quotes: string[] = [];
  for (const { text } of ranked) {
    const quote = text.replace(/\s+/g, ' ');
    if (quote.length > MAX_QUOTE_CHARS || CLAUSE_BREAK.test(quote) || quotes.some((q) => q.includes(quote))) continue;
    // the longer phrase says more: it takes the place of one it contains
    const at = quotes.findIndex((q) => quote.includes(q));
    if (at >= 0) {
      const kept = quotes.filter((q) => !quote.includes(q));
      kept.splice(Math.min(at, kept.length), 0, quote);
      quotes.splice(0, quotes.length, ...kept);
    } else if (quotes.length < MAX_QUOTES) quotes.push(quote);
  }
  return quotes;
}

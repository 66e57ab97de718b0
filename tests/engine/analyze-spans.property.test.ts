import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../src/cli/pack-files';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { normalizeWithOffsets } from '../../src/engine/normalize';
import type { CompiledEntry } from '../../src/engine/types';

/**
 * Every span analyzeBlock reports, sliced out of the original text and normalised, reads as
 * the pattern it claims: its first piece at the start, its last piece at the end, every piece
 * in order. Run over the shipped rule pack, on text built from its own literals, disguised the
 * way ads disguise them (spaces, zero-width characters, full-width forms, punctuation, emoji).
 */

const pack = buildPack();
const matcher = createMatcher(pack);
const fold = pack.fold;

const entriesOf = (kind: 'rule' | 'cue', id: string): CompiledEntry[] =>
  pack.entries.filter((e) => e.kind === kind && (kind === 'rule' ? pack.rules[e.ref]?.id : pack.cues[e.ref]?.id) === id);

function readsAs(normalized: string, entry: CompiledEntry): boolean {
  const pieces = entry.pieces.map((p) => pack.literals[p] ?? '');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!normalized.startsWith(first) || !normalized.endsWith(last)) return false;
  let at = 0;
  for (const piece of pieces) {
    const found = normalized.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const NOISE = [' ', '\u200b', '\u200d', '\ufeff', '·', '，', '。', '🔥', '\n', '　', '“', '”', '不要', '警惕'];

/** a literal of the pack, with disguise characters sprinkled between its characters */
const disguisedLiteral = fc
  .tuple(fc.constantFrom(...pack.literals), fc.array(fc.constantFrom(...NOISE), { maxLength: 4 }), fc.boolean(), fc.nat())
  .map(([literal, noise, wide, seed]) => {
    const chars = [...(wide ? toFullWidth(literal) : literal)];
    noise.forEach((n, i) => chars.splice((seed + i * 7) % (chars.length + 1), 0, n));
    return chars.join('');
  });

const filler = fc.string({ unit: fc.constantFrom('的', '了', '钱', '贷', '款', '我', 'a', '1', ' ', '，', '！', '\u3000', 'Ｗ', '債'), maxLength: 6 });
const blockText = fc.array(fc.oneof(disguisedLiteral, filler), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

describe('analyzeBlock spans', () => {
  it('slice back to text that normalises to the pattern they report', () => {
    fc.assert(
      fc.property(blockText, (text) => {
        const findings = analyzeBlock(matcher, text);
        const spans = [
          ...findings.lures.map((l) => ({ ...l, kind: 'rule' as const, id: l.ruleId })),
          ...findings.cues.map((c) => ({ ...c, kind: 'cue' as const, id: c.cueId })),
        ];
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          const normalized = normalizeWithOffsets(text.slice(span.start, span.end), fold).text;
          const entries = entriesOf(span.kind, span.id);
          expect(
            entries.some((entry) => readsAs(normalized, entry)),
            `${span.kind} ${span.id} at ${span.start}-${span.end}: "${text.slice(span.start, span.end)}" → "${normalized}"`,
          ).toBe(true);
        }
        expect(findings.length).toBe(text.length);
      }),
      { numRuns: 400 },
    );
  });

  it('find a single disguised literal wherever it is put', () => {
    const singlePiece = pack.entries.filter((e) => e.pieces.length === 1);
    fc.assert(
      fc.property(fc.constantFrom(...singlePiece), filler, filler, (entry, before, after) => {
        const literal = pack.literals[entry.pieces[0] as number] ?? '';
        const text = `${before}${[...literal].join('\u200b')}${after}`;
        const { lures, cues } = analyzeBlock(matcher, text);
        const id = entry.kind === 'rule' ? pack.rules[entry.ref]?.id : pack.cues[entry.ref]?.id;
        const ids = entry.kind === 'rule' ? lures.map((l) => l.ruleId) : cues.map((c) => c.cueId);
        expect(ids).toContain(id);
      }),
      { numRuns: 300 },
    );
  });
});

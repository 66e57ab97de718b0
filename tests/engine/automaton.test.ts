import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAutomaton, findLiterals } from '../../src/engine/automaton';
import { normalizeWithOffsets } from '../../src/engine/normalize';

/** The obvious, slow way: search the normalised text for each literal, map back. */
function naive(literals: string[], input: string): string[] {
  const { text, offsets } = normalizeWithOffsets(input);
  const found: string[] = [];
  literals.forEach((literal, id) => {
    for (let i = text.indexOf(literal); i !== -1; i = text.indexOf(literal, i + 1)) {
      found.push(`${id}:${offsets[i]}:${(offsets[i + literal.length - 1] as number) + 1}`);
    }
  });
  return found.sort();
}

function fast(literals: string[], input: string): string[] {
  const automaton = buildAutomaton({ literals, fold: [] });
  return findLiterals(automaton, input)
    .map((h) => `${h.literal}:${h.start}:${h.end}`)
    .sort();
}

const alphabet = ['债', '务', '优', '化', '退', '费', 'a', 'b', ' ', '，', '\u200b', 'Ａ', '%'];
const piece = fc.constantFrom(...alphabet);

describe('dense Aho-Corasick automaton', () => {
  it('finds overlapping and nested literals with their original spans', () => {
    const literals = ['债务', '债务优化', '务优', '优化'];
    expect(fast(literals, '债 务，优\u200b化')).toEqual(naive(literals, '债 务，优\u200b化'));
    expect(fast(literals, '债务优化').length).toBe(4);
  });

  it('reports a literal once even when ignored characters follow it', () => {
    const hits = findLiterals(buildAutomaton({ literals: ['平债'], fold: [] }), '平债，，  ');
    expect(hits).toEqual([{ literal: 0, start: 0, end: 2 }]);
  });

  it('finds exactly what a naive search finds, on random text and literals', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(fc.constantFrom('债', '务', '优', '化', '退', '费', 'a', 'b', '%'), { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        (literals, text) => {
          expect(fast(literals, text)).toEqual(naive(literals, text));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});

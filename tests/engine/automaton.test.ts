import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphabetSize, automatonSteps, buildAutomaton, findCharsBefore, findCharWithin, findLiterals, IGNORED, isWithinGap, MAX_ALPHABET } from '../../src/engine/automaton';
import { normalizeWithOffsets } from '../../src/engine/normalize';
import { createFolder, SKIP } from '../../src/engine/char-fold';
import { createMatcher, matcherSteps } from '../../src/engine/analyze';
import { runSteps } from '../../src/engine/steps';
import { TEST_PACK } from '../helpers/test-pack';

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

  it('classes every code unit as folding it would: built-in folds, ignored ranges and the pack\'s own pairs', () => {
    // 債→债 (a pack pair), Ａ→a (built in), a pair onto an ignored character, and one the pack's pair overrides
    const fold: [number, number][] = [[0x50b5, 0x503a], [0x2603, 0x20], [0x41, 0x62]];
    const literals = ['债务', 'ab', '%5'];
    const automaton = buildAutomaton({ literals, fold });
    const reference = createFolder(fold);
    const alphabet = new Set([...literals.join('')].map((ch) => ch.charCodeAt(0)));
    const classes = new Set([...alphabet].map((code) => automaton.classOf[code]));
    expect([...classes].every((cls) => (cls as number) > 1)).toBe(true);
    expect(classes.size).toBe(alphabet.size);
    const symbolOf = new Map<number, number>();
    for (let c = 0; c < 0x10000; c++) {
      const folded = reference(c);
      const expected = folded === SKIP ? IGNORED : alphabet.has(folded) ? automaton.classOf[folded] : 0;
      if (folded !== SKIP && folded !== c) symbolOf.set(c, folded);
      expect(automaton.classOf[c], `code unit ${c.toString(16)}`).toBe(expected);
    }
    // the checks above would pass with every class 0: a few that must not be
    expect(automaton.classOf[0x50b5]).toBe(automaton.classOf[0x503a]);
    expect(automaton.classOf[0xff21]).toBe(automaton.classOf[0x61]);
    expect(automaton.classOf[0x41]).toBe(automaton.classOf[0x62]);
    expect(automaton.classOf[0x2603]).toBe(IGNORED);
    expect(automaton.classOf[0x503a]).toBeGreaterThan(1);
    expect(symbolOf.size).toBeGreaterThan(50);
  });

  it('refuses a pack whose patterns use more distinct characters than the pair bitmap is built for', () => {
    const chars = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + i));
    const pairs = (list: string[]) => list.map((c, i) => c + (list[(i + 1) % list.length] as string));
    expect(alphabetSize(pairs(chars(MAX_ALPHABET)))).toBe(MAX_ALPHABET);
    expect(() => buildAutomaton({ literals: pairs(chars(MAX_ALPHABET)), fold: [] })).not.toThrow();
    expect(() => buildAutomaton({ literals: pairs(chars(MAX_ALPHABET + 1)), fold: [] })).toThrow(/4001 distinct characters; at most 4000/);
  });

  it('keeps the previous class across ignored characters, whatever they follow', () => {
    const automaton = buildAutomaton({ literals: ['债务', '务债'], fold: [] });
    // ignored characters between, before and after; an unrelated character breaks the pair
    const text = ' 债， 务。债务 ，债x务';
    expect(findLiterals(automaton, text).map((h) => [h.start, h.end])).toEqual([[1, 5], [4, 7], [6, 8], [7, 11]]);
  });

  it('finds every occurrence when candidates outnumber one batch of the scan', () => {
    const text = '债务'.repeat(5000) + '，债 务';
    expect(findLiterals(buildAutomaton({ literals: ['债务'], fold: [] }), text)).toHaveLength(5001);
  });
});

describe('building in steps', () => {
  const tableNames = ['classOf', 'startPairs', 'childStart', 'childClass', 'childNode', 'rootChild', 'outputStart', 'outputs'] as const;

  it('yields between steps and ends with the automaton buildAutomaton makes', () => {
    const pack = { literals: ['债务优化', '停息挂账', '债务', '加微信', '微信', 'ab', '退'], fold: [[0x50b5, 0x503a]] as [number, number][] };
    const steps = automatonSteps(pack);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(5);
    const whole = buildAutomaton(pack);
    for (const name of tableNames) expect(Array.from(step.value[name]), name).toEqual(Array.from(whole[name]));
    expect([step.value.width, step.value.maxLength, step.value.bytes]).toEqual([whole.width, whole.maxLength, whole.bytes]);
    expect(step.value.find('我想债务优化，加 微 信')).toEqual(whole.find('我想债务优化，加 微 信'));
  });

  it('gives the same matcher through matcherSteps as createMatcher, one step more than the automaton', () => {
    let automatonYields = 0;
    for (const _ of automatonSteps(TEST_PACK)) automatonYields++;
    let matcherYields = 0;
    const steps = matcherSteps(TEST_PACK);
    while (!steps.next().done) matcherYields++;
    expect(matcherYields).toBe(automatonYields + 1);
    const stepped = runSteps(matcherSteps(TEST_PACK));
    const whole = createMatcher(TEST_PACK);
    for (const name of ['ownerStart', 'ownerEntry', 'shortLiteral', 'singlePiece', 'longPieces'] as const) {
      expect(Array.from(stepped[name]), name).toEqual(Array.from(whole[name]));
    }
  });

  it('reports a pack over the alphabet limit from its first step', () => {
    const literals = Array.from({ length: MAX_ALPHABET / 2 + 1 }, (_, i) => String.fromCharCode(0x4e00 + 2 * i, 0x4e01 + 2 * i));
    expect(() => automatonSteps({ literals, fold: [] }).next()).toThrow(/distinct characters/);
  });
});

describe('looking near a position, in normalised characters', () => {
  const automaton = buildAutomaton({ literals: ['债务', '退费', 'ab'], fold: [] });

  it.each([
    // text, from, gap → whether text[from, end) holds at most gap kept characters
    ['债务退费', 0, 4, true],
    ['债务退费', 0, 3, false],
    ['债 ，务\u200b退', 0, 3, true],
    ['债 ，务\u200b退', 0, 2, false],
    ['', 0, 0, true],
  ] as const)('isWithinGap(%j from %i, gap %i) → %s', (text, from, gap, expected) => {
    expect(isWithinGap(automaton, text, from, text.length, gap)).toBe(expected);
  });

  it.each([
    // text, char, from, gap → position of the char (by class), or -1
    ['债务退费', '退', 0, 2, 2],
    ['债务退费', '退', 0, 1, -1],
    ['债 ， 务 退', '退', 1, 1, 6],
    ['债务ＡＢ', 'a', 0, 2, 2],
    ['债务1Ａ', 'a', 0, 3, 3],
    ['债务1Ａ', 'a', 0, 2, -1],
    ['债务', '费', 0, 9, -1],
  ] as const)('findCharWithin(%j, %j from %i, gap %i) → %i', (text, char, from, gap, expected) => {
    expect(findCharWithin(automaton, text, char, from, gap)).toBe(expected);
  });

  it.each([
    // text, char, before, gap → positions of the char (by class) within the gap before `before`, nearest first
    ['退债务退费', '退', 3, 2, [0]],
    ['退债务退费', '退', 3, 1, []],
    ['退 ，债务退费', '退', 5, 2, [0]],
    ['ａb退ab', 'a', 5, 4, [3, 0]],
    ['费费', '退', 2, 9, []],
  ] as const)('findCharsBefore(%j, %j before %i, gap %i) → %j', (text, char, before, gap, expected) => {
    expect(findCharsBefore(automaton, text, char, before, gap)).toEqual(expected);
  });
});

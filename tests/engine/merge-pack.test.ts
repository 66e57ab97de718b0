import { describe, expect, it } from 'vitest';
import { createMatcher, analyzeBlock } from '../../src/engine/analyze';
import { compilePack } from '../../src/engine/compile';
import { MAX_ALPHABET } from '../../src/engine/automaton';
import { mergePacks } from '../../src/engine/merge-pack';
import { checkCompiledPack } from '../../src/engine/compiled-pack';
import { TEST_PACK } from '../helpers/test-pack';

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const extra = compilePack([
  {
    file: 'custom.json',
    data: {
      rules: [{ id: 'x-rule', category: 'upfront-fee', title: '先交押金', weight: 30, patterns: ['先交押金', '债务优化…押金'], explain, examples: { match: ['a'], noMatch: ['b'] } }],
      cues: [{ id: 'x-cue', kind: 'offer', patterns: ['联系我'] }],
    },
  },
]);

describe('mergePacks', () => {
  it('is a valid pack whose references point at the right rules and cues', () => {
    const merged = checkCompiledPack(mergePacks(TEST_PACK, extra));
    const findings = analyzeBlock(createMatcher(merged), '债务优化要先交押金，联系我');
    expect(new Set(findings.lures.map((l) => l.ruleId))).toEqual(new Set(['debt-optimize', 'x-rule']));
    expect(findings.cues.map((c) => c.cueId)).toContain('x-cue');
    // the built-in pack matches as before
    const before = analyzeBlock(createMatcher(TEST_PACK), '我们帮你债务优化');
    const after = analyzeBlock(createMatcher(merged), '我们帮你债务优化');
    expect(after).toEqual(before);
  });

  it('refuses custom patterns that take the alphabet past what the matcher is built for', () => {
    const chars = Array.from({ length: MAX_ALPHABET }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const patterns = Array.from({ length: MAX_ALPHABET / 10 }, (_, i) => chars.slice(i * 10, i * 10 + 10));
    const wide = compilePack([
      { file: 'wide.json', data: { rules: [], cues: [{ id: 'wide-cue', kind: 'offer', patterns: patterns.slice(0, 200) }, { id: 'wide-cue-2', kind: 'offer', patterns: patterns.slice(200) }] } },
    ]);
    expect(() => mergePacks(TEST_PACK, wide, 'wide.json')).toThrow(/wide\.json.*distinct characters; at most 4000/);
    // the same patterns minus the characters the built-in pack brings fit
    const narrow = compilePack([{ file: 'narrow.json', data: { rules: [], cues: [{ id: 'narrow-cue', kind: 'offer', patterns: patterns.slice(0, 200) }] } }]);
    expect(() => mergePacks(TEST_PACK, narrow, 'narrow.json')).not.toThrow();
  });

  it('refuses ids the built-in pack uses', () => {
    expect(() => mergePacks(TEST_PACK, TEST_PACK)).toThrow(/already used/);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { compileCustomRules, MAX_CUSTOM_RULES_CHARS } from '../../src/shared/custom-rules';
import { TEST_PACK } from '../helpers/test-pack';

/**
 * Custom-rule files a user might be tricked into importing, or that arrive damaged. Each is
 * refused with a message naming the file's field (and rule, and line where there is one), or,
 * for patterns that only look like regexes, taken as the literal text they are.
 */

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const rule = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  category: 'debt-relief-offer',
  title: '测试规则',
  weight: 30,
  patterns: ['上岸计划'],
  explain,
  examples: { match: ['加入上岸计划'], noMatch: ['上岸了'] },
  ...extra,
});
const file = (rules: unknown[]) => JSON.stringify({ rules }, null, 2);
const good = file([rule('custom-a')]);
/** 16 rules of 75 four-character patterns, every character a different one: 4,800 in all */
const manyCharacters = file(
  Array.from({ length: 16 }, (_, r) => {
    const patterns = Array.from({ length: 75 }, (_, p) =>
      Array.from({ length: 4 }, (_, c) => String.fromCharCode(0x4e00 + r * 300 + p * 4 + c)).join(''),
    );
    return rule(`custom-many-${r}`, { patterns, examples: { match: [patterns[0]], noMatch: ['上岸了'] } });
  }),
);

describe('hostile or damaged custom rule files', () => {
  it.each([
    ['truncated mid-file', good.slice(0, Math.floor(good.length / 2)), { field: '(json)' }],
    ['truncated to nothing', '', { field: '(json)' }],
    ['a duplicate id inside the file', file([rule('custom-a'), rule('custom-a')]), { field: 'id', ruleId: 'custom-a' }],
    ['patterns not a list', file([rule('custom-a', { patterns: '上岸计划' })]), { field: 'patterns', ruleId: 'custom-a' }],
    ['weight as text', file([rule('custom-a', { weight: '30' })]), { field: 'weight', ruleId: 'custom-a' }],
    ['a nested-quantifier regex', file([rule('custom-a', { patterns: ['(a+)+$'] })]), { field: 'patterns.0', ruleId: 'custom-a' }],
    ['an alternation regex', file([rule('custom-a', { patterns: ['上岸|下岸'] })]), { field: 'patterns.0', ruleId: 'custom-a' }],
    ['a character class', file([rule('custom-a', { patterns: ['[上下]岸'] })]), { field: 'patterns.0', ruleId: 'custom-a' }],
    ['an escape', file([rule('custom-a', { patterns: ['\\d+元'] })]), { field: 'patterns.0', ruleId: 'custom-a' }],
    ['a very long pattern', file([rule('custom-a', { patterns: ['上'.repeat(500)] })]), { field: 'patterns.0', ruleId: 'custom-a' }],
    ['too many patterns', file([rule('custom-a', { patterns: Array.from({ length: 500 }, (_, i) => `上岸${i}`) })]), { field: 'patterns', ruleId: 'custom-a' }],
    ['an id that is not kebab-case', file([rule('Custom A!')]), { field: 'id' }],
    ['a prototype key', '{"rules": [], "__proto__": {"polluted": true}}', {}],
    ['patterns using more distinct characters than the matcher is built for', manyCharacters, { field: 'patterns', problem: expect.stringMatching(/4\d{3} distinct characters; at most 4000/) }],
    ['a file past the size limit', `{"rules": [${' '.repeat(MAX_CUSTOM_RULES_CHARS)}]}`, { field: '(file)' }],
  ])('refuses %s, naming the field', (_label, text, expected) => {
    const result = compileCustomRules(text, 'evil.json', TEST_PACK);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(expected);
    expect(result.error.problem.length).toBeGreaterThan(0);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('takes "*", "." and "{1,9}" as text, never as operators: matching stays linear', () => {
    const patterns = ['a*a*a*a*b', '上岸.计划', '还款{1,9}期'];
    const result = compileCustomRules(file([rule('custom-stars', { patterns, examples: { match: ['aaaab'], noMatch: ['ab'] } })]), 'stars.json', TEST_PACK);
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    const matcher = createMatcher(result.pack);
    const ids = (text: string) => analyzeBlock(matcher, text).lures.map((l) => l.ruleId);
    // punctuation is normalised away in patterns and text alike, as everywhere in the engine
    expect(ids('看这里 a*a*a*a*b 好')).toContain('custom-stars');
    expect(ids('aaaab')).toContain('custom-stars');
    expect(ids('ab')).not.toContain('custom-stars');
    expect(ids('aaaaaaaab')).toContain('custom-stars'); // the literal "aaaab" at its end, nothing more
    expect(ids('上岸x计划')).not.toContain('custom-stars'); // "." is no wildcard
    expect(ids('还款{1,9}期')).toContain('custom-stars');
    expect(ids('还款5期')).not.toContain('custom-stars'); // "{1,9}" is no repeat
    // the classic catastrophic input for (a*)*b-style regexes is just text here
    const started = performance.now();
    analyzeBlock(matcher, `${'a'.repeat(4000)}c`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

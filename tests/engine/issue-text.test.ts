import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeIssue, ISSUE_TEXT_PARSE } from '../../src/engine/issue-text';
import { PatternSource, RuleSource } from '../../src/engine/pack-schema';
import { compileCustomRules } from '../../src/shared/custom-rules';
import { importSettings } from '../../src/shared/settings-transfer';
import { TEST_PACK } from '../helpers/test-pack';

function firstIssueText(schema: z.ZodMiniType, input: unknown): string {
  const result = schema.safeParse(input, ISSUE_TEXT_PARSE);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const issue = result.error.issues[0];
  if (!issue) throw new Error('a refusal without an issue');
  return describeIssue(issue);
}

describe('describeIssue', () => {
  it.each<[string, z.ZodMiniType, unknown, string]>([
    ['a wrong type', z.object({ title: z.string() }), { title: 3 }, 'expected a string'],
    ['a missing field', z.object({ title: z.string() }), {}, 'is missing (expected a string)'],
    ['a fraction for an integer', z.int(), 1.5, 'expected a whole number'],
    ['a list that is not one', z.array(z.string()), 'x', 'expected a list'],
    ['not true or false', z.boolean(), 'yes', 'expected true or false'],
    ['a long string', z.string().check(z.maxLength(40)), 'x'.repeat(41), 'must be at most 40 characters long'],
    ['a short string', z.string().check(z.minLength(4)), 'abc', 'must be at least 4 characters long'],
    ['an empty string', z.string().check(z.minLength(1)), '', 'must not be empty'],
    ['a string of the wrong length', z.string().check(z.length(3)), 'ab', 'must be exactly 3 characters long'],
    ['one character too many', z.string().check(z.maxLength(1)), 'ab', 'must be at most 1 character long'],
    ['a long list', z.array(z.int()).check(z.maxLength(2)), [1, 2, 3], 'must have at most 2 items'],
    ['a short list', z.array(z.int()).check(z.minLength(2)), [1], 'must have at least 2 items'],
    ['an empty list', z.array(z.int()).check(z.minLength(1)), [], 'must not be empty'],
    ['a big number', z.int().check(z.lte(100)), 101, 'must be at most 100'],
    ['a small number', z.int().check(z.gte(1)), 0, 'must be at least 1'],
    ['a number that is not positive', z.number().check(z.positive()), 0, 'must be greater than 0'],
    ['a number not below a bound', z.number().check(z.lt(5)), 5, 'must be less than 5'],
    ['not a multiple', z.number().check(z.multipleOf(5)), 7, 'must be a multiple of 5'],
    ['a pattern mismatch', z.string().check(z.regex(/^[a-z]+$/)), 'A', 'does not match the pattern /^[a-z]+$/'],
    ['a missing prefix', z.string().check(z.startsWith('data:')), 'x', 'must start with "data:"'],
    ['a missing suffix', z.string().check(z.endsWith('.json')), 'x', 'must end with ".json"'],
    ['a missing part', z.string().check(z.includes('@')), 'x', 'must contain "@"'],
    ['not a URL', z.url(), 'not a url', 'must be a URL'],
    ['another format', z.email(), 'nobody', 'must be a valid email'],
    ['one unknown field', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'unknown field "b"'],
    ['unknown fields', z.strictObject({}), { b: 1, c: 2 }, 'unknown fields "b", "c"'],
    ['a wrong literal', z.literal('fcs-guard-settings'), 'other', 'must be "fcs-guard-settings"'],
    ['a wrong number literal', z.literal(1), 2, 'must be 1'],
    ['a value outside an enum', z.enum(['site', 'page']), 'tab', 'must be one of "site", "page"'],
    ['no union member', z.union([z.string(), z.number()]), true, 'matches none of the allowed forms'],
    [
      'an unknown discriminator',
      z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]),
      { type: 'c' },
      '"type" must be one of "a", "b"',
    ],
    ['a bad record key', z.record(z.string().check(z.regex(/^[a-z]+$/)), z.string()), { A: 'x' }, 'invalid key: does not match the pattern /^[a-z]+$/'],
    ['a refinement without a message', z.string().check(z.refine((s) => s !== 'x')), 'x', 'is not valid'],
    ['a message the schema gave', z.string().check(z.maxLength(2, 'too long for a tag')), 'abc', 'too long for a tag'],
  ])('%s', (_label, schema, input, expected) => {
    expect(firstIssueText(schema, input)).toBe(expected);
  });

  it('passes the rule schemas’ own messages through unchanged', () => {
    expect(firstIssueText(PatternSource, '上岸(计划)')).toBe(
      'patterns are literal text with {alias} and … only; regex syntax is not allowed',
    );
    const rule = {
      id: 'Bad_Id',
      category: 'false-promise',
      title: '测试规则',
      weight: 40,
      patterns: ['全额平债'],
      explain: { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' },
      examples: { match: ['全额平债'], noMatch: ['全额还款'] },
    };
    expect(firstIssueText(RuleSource, rule)).toBe('must be kebab-case: lowercase letters, digits and single dashes');
  });

  it('is what a custom rule import and a settings import show', () => {
    const rules = compileCustomRules(JSON.stringify({ rules: [{ id: 'x', title: '上' }] }), 'mine.json', TEST_PACK);
    expect(rules).toMatchObject({
      ok: false,
      error: {
        field: 'category',
        problem: 'is missing (expected one of "false-promise", "upfront-fee", "data-harvest", "forgery-coaching", "off-platform", "debt-relief-offer")',
      },
    });
    const settings = importSettings(
      JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { threshold: 101 } }),
      TEST_PACK,
    );
    expect(settings).toMatchObject({ ok: false, field: 'settings.threshold', problem: 'must be at most 100' });
  });
});

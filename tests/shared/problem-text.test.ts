import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem, ProblemCode } from '../../src/engine/issue-text';
import { englishProblem, problem } from '../../src/engine/issue-text';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import { compileCustomRules } from '../../src/shared/custom-rules';
import type { MessageKey } from '../../src/shared/i18n';
import { localProblem } from '../../src/shared/problem-text';
import { importSettings } from '../../src/shared/settings-transfer';
import { TEST_PACK } from '../helpers/test-pack';

const zh = (key: MessageKey) => zhCN[key].message;
const english = (key: MessageKey) => en[key].message;

/** every code with the values it names, as the engine and the JSON reader make them */
const EVERY: Record<ProblemCode, Problem> = {
  kebabId: problem('kebabId'),
  literalPattern: problem('literalPattern'),
  schemaMessage: problem('schemaMessage', { text: 'a message of the schema' }),
  expectedType: problem('expectedType', { type: 'number', name: 'number' }),
  missingType: problem('missingType', { type: 'string', name: 'string' }),
  numberAtMost: problem('numberAtMost', { limit: 100 }),
  numberAtLeast: problem('numberAtLeast', { limit: 1 }),
  numberBelow: problem('numberBelow', { limit: 5 }),
  numberAbove: problem('numberAbove', { limit: 0 }),
  numberExactly: problem('numberExactly', { limit: 3 }),
  lengthAtMost: problem('lengthAtMost', { limit: 40, unit: 'character' }),
  lengthAtLeast: problem('lengthAtLeast', { limit: 2, unit: 'item' }),
  lengthBelow: problem('lengthBelow', { limit: 2, unit: 'item' }),
  lengthAbove: problem('lengthAbove', { limit: 2, unit: 'byte' }),
  lengthExactly: problem('lengthExactly', { limit: 3, unit: 'character' }),
  notEmpty: problem('notEmpty', { limit: 1, unit: 'item' }),
  startsWith: problem('startsWith', { text: '"data:"' }),
  endsWith: problem('endsWith', { text: '".json"' }),
  contains: problem('contains', { text: '"@"' }),
  pattern: problem('pattern', { pattern: '/^[a-z]+$/' }),
  url: problem('url'),
  format: problem('format', { format: 'email' }),
  multipleOf: problem('multipleOf', { divisor: 5 }),
  unknownFields: problem('unknownFields', { keys: '"b"', count: 1 }),
  severalForms: problem('severalForms'),
  noForm: problem('noForm'),
  discriminator: problem('discriminator', { key: 'type', values: '"a", "b"', count: 2 }),
  invalidKey: problem('invalidKey', undefined, problem('pattern', { pattern: '/^[a-z]+$/' })),
  invalidElement: problem('invalidElement', undefined, problem('notEmpty')),
  mustBeValue: problem('mustBeValue', { values: '"site", "page"', count: 2 }),
  missingValue: problem('missingValue', { values: '"site", "page"', count: 2 }),
  notValid: problem('notValid'),
  jsonExpected: problem('jsonExpected', { expected: ':', found: ',' }),
  jsonExpectedAtEnd: problem('jsonExpectedAtEnd', { expected: '"' }),
  jsonStringLine: problem('jsonStringLine'),
  jsonBadEscape: problem('jsonBadEscape'),
  jsonTooDeep: problem('jsonTooDeep'),
  jsonDuplicateKey: problem('jsonDuplicateKey', { key: 'rules' }),
  jsonAfterValue: problem('jsonAfterValue', { close: '}' }),
  jsonEndsEarly: problem('jsonEndsEarly'),
  jsonUnexpected: problem('jsonUnexpected', { found: 'x' }),
  jsonTrailing: problem('jsonTrailing'),
  unknownAlias: problem('unknownAlias', { alias: '{shore}' }),
  tooManySpellings: problem('tooManySpellings', { pattern: '{a}{b}', limit: 256 }),
  aliasTwice: problem('aliasTwice'),
  familyTwice: problem('familyTwice'),
  familyPrefix: problem('familyPrefix'),
  duplicateId: problem('duplicateId', { file: 'mine.json' }),
  emptyPiece: problem('emptyPiece', { pattern: '…退费' }),
  shortPiece: problem('shortPiece', { pattern: '退…费', limit: 2 }),
  builtinId: problem('builtinId'),
  alphabet: problem('alphabet', { count: 4100, limit: 4000 }),
  fileTooLarge: problem('fileTooLarge', { limit: 200000 }),
  noRules: problem('noRules'),
};

/** ASCII words a Chinese sentence may carry: our name, and what the file itself says (JSON literals, the family- prefix, examples) */
const FILE_WORDS = new Set(['fcs', 'guard', 'JSON', 'true', 'false', 'family', 'my', 'rule']);
/** the sentence without the values it quotes from the file */
const own = (text: string, values: readonly string[]) => values.reduce((rest, value) => rest.split(value).join(' '), text);
const englishWords = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !FILE_WORDS.has(w));

describe('a problem in an imported file, in the UI language', () => {
  it.each(Object.entries(EVERY))('%s: Chinese without English words, English as the engine says it', (_code, p) => {
    const values = [...Object.values(p.values ?? {}), ...Object.values(p.inner?.values ?? {})];
    const chinese = own(localProblem(p, zh), values);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWords(chinese)).toEqual([]);
    expect(chinese, 'every place filled').not.toMatch(/\{\w+\}/);
    expect(own(localProblem(p, english), values)).not.toMatch(/[\u4e00-\u9fff]|\{\w+\}/);
    expect(englishProblem(p).length).toBeGreaterThan(0);
  });

  it('the fixture’s bad rule file: a weight that is not a number', () => {
    const text = readFileSync(new URL('../e2e/fixtures/custom-rules-bad.json', import.meta.url), 'utf8');
    const result = compileCustomRules(text, 'custom-rules-bad.json', TEST_PACK);
    if (result.ok) throw new Error('the bad file compiled');
    expect(result.error).toMatchObject({ line: 7, field: 'weight', ruleId: 'custom-zwx-escort', problem: 'expected a number' });
    expect(localProblem(result.error.detail as Problem, zh)).toBe('应该是数字');
    expect(localProblem(result.error.detail as Problem, english)).toBe('should be a number');
  });

  it('a settings file: out of range, and a JSON syntax error', () => {
    const range = importSettings(JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { threshold: 101 } }), TEST_PACK);
    if (range.ok) throw new Error('accepted');
    expect(localProblem(range.detail as Problem, zh)).toBe('不能大于 100');
    const syntax = importSettings('{\n  "format": "fcs-guard-settings",\n  "version" 1\n}', TEST_PACK);
    if (syntax.ok) throw new Error('accepted');
    expect(syntax.line).toBe(3);
    expect(localProblem(syntax.detail as Problem, zh)).toBe('这里应该是 “:”，却是 “1”');
  });

  it('a rule inside a settings file names the rule', () => {
    const customRules = { fileName: 'x.json', importedAt: 1, ruleIds: [], text: JSON.stringify({ rules: [{ id: 'x', title: '上' }] }) };
    const result = importSettings(JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: {}, customRules }), TEST_PACK);
    if (result.ok) throw new Error('accepted');
    expect(result).toMatchObject({ ruleId: 'x', field: 'customRules.category' });
    expect(localProblem(result.detail as Problem, zh)).toMatch(/^缺少这一项（只能是：/);
  });
});

/**
 * What went wrong in a rule file, a settings file or a corpus line, as a `Problem`: a code and
 * the values it names. Rule authors and the CLI read it in plain English (`englishProblem`);
 * the options page says it in the UI's language from the same code (shared/problem-text.ts).
 * zod/mini loads no locale, so a built-in check's own message is only "Invalid input";
 * loading a locale would put it in the content script, which every frame evaluates. The
 * issue's fields say everything the message would have.
 *
 * Why this file is long: one code per kind of problem, each with its English sentence, so the
 * build, the CLI and both UI languages describe a problem from one list.
 */
import type * as z from 'zod/mini';
import { SCHEMA_MESSAGES } from './pack-schema';

type Issue = z.core.$ZodIssue;

/** What zod/mini writes when neither the schema nor a locale gave a message. */
const NO_MESSAGE = 'Invalid input';

export type ValueType = 'string' | 'number' | 'int' | 'boolean' | 'array' | 'object' | 'other';
export type LengthUnit = 'character' | 'item' | 'byte';

/** Every kind of problem; `values` holds what the sentence names (texts as the file has them). */
export type ProblemCode =
  | keyof typeof SCHEMA_MESSAGES
  | 'schemaMessage'
  | 'expectedType'
  | 'missingType'
  | 'numberAtMost'
  | 'numberAtLeast'
  | 'numberBelow'
  | 'numberAbove'
  | 'numberExactly'
  | 'lengthAtMost'
  | 'lengthAtLeast'
  | 'lengthBelow'
  | 'lengthAbove'
  | 'lengthExactly'
  | 'notEmpty'
  | 'startsWith'
  | 'endsWith'
  | 'contains'
  | 'pattern'
  | 'url'
  | 'format'
  | 'multipleOf'
  | 'unknownFields'
  | 'severalForms'
  | 'noForm'
  | 'discriminator'
  | 'invalidKey'
  | 'invalidElement'
  | 'mustBeValue'
  | 'missingValue'
  | 'notValid'
  | 'jsonExpected'
  | 'jsonExpectedAtEnd'
  | 'jsonStringLine'
  | 'jsonBadEscape'
  | 'jsonTooDeep'
  | 'jsonDuplicateKey'
  | 'jsonAfterValue'
  | 'jsonEndsEarly'
  | 'jsonUnexpected'
  | 'jsonTrailing'
  | 'unknownAlias'
  | 'tooManySpellings'
  | 'aliasTwice'
  | 'familyTwice'
  | 'familyPrefix'
  | 'duplicateId'
  | 'emptyPiece'
  | 'shortPiece'
  | 'builtinId'
  | 'alphabet'
  | 'fileTooLarge'
  | 'noRules';

export interface Problem {
  code: ProblemCode;
  /** the texts the sentence names: a type (`ValueType`), a unit (`LengthUnit`), limits, keys, quoted file text */
  values?: Readonly<Record<string, string>>;
  /** the problem inside a record key or a list element */
  inner?: Problem;
}

export const problem = (code: ProblemCode, values?: Record<string, string | number>, inner?: Problem): Problem => ({
  code,
  ...(values ? { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) } : {}),
  ...(inner ? { inner } : {}),
});

/**
 * Parse options that let `issueProblem` tell a missing field from a wrong one: zod drops the
 * input from issues unless asked to keep it.
 */
export const ISSUE_TEXT_PARSE = { reportInput: true } as const;

const TYPES: Readonly<Record<string, ValueType>> = {
  string: 'string',
  number: 'number',
  int: 'int',
  boolean: 'boolean',
  array: 'array',
  tuple: 'array',
  object: 'object',
  record: 'object',
};

const UNITS: Readonly<Record<string, LengthUnit>> = { string: 'character', array: 'item', set: 'item', file: 'byte' };

/** a list of allowed values, quoted as a file would write them */
export function quoteValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

export function issueProblem(issue: Issue): Problem {
  if (issue.message !== NO_MESSAGE) {
    const known = (Object.keys(SCHEMA_MESSAGES) as (keyof typeof SCHEMA_MESSAGES)[]).find((k) => SCHEMA_MESSAGES[k] === issue.message);
    return known ? problem(known) : problem('schemaMessage', { text: issue.message });
  }
  switch (issue.code) {
    case 'invalid_type':
      return problem(isMissing(issue) ? 'missingType' : 'expectedType', { type: TYPES[issue.expected] ?? 'other', name: issue.expected });
    case 'too_big':
      return boundProblem(issue.origin, 'most', issue.maximum, issue.inclusive !== false, issue.exact === true);
    case 'too_small':
      return boundProblem(issue.origin, 'least', issue.minimum, issue.inclusive !== false, issue.exact === true);
    case 'invalid_format':
      return formatProblem(issue);
    case 'not_multiple_of':
      return problem('multipleOf', { divisor: String(issue.divisor) });
    case 'unrecognized_keys':
      return problem('unknownFields', { keys: quoteValues(issue.keys), count: issue.keys.length });
    case 'invalid_union':
      if (issue.inclusive === false) return problem('severalForms');
      if (issue.discriminator !== undefined && issue.options) {
        return problem('discriminator', { key: issue.discriminator, values: quoteValues(issue.options), count: issue.options.length });
      }
      return problem('noForm');
    case 'invalid_key':
      return problem('invalidKey', undefined, issue.issues[0] ? issueProblem(issue.issues[0]) : undefined);
    case 'invalid_element':
      return problem('invalidElement', undefined, issue.issues[0] ? issueProblem(issue.issues[0]) : undefined);
    case 'invalid_value':
      return problem(isMissing(issue) ? 'missingValue' : 'mustBeValue', { values: quoteValues(issue.values), count: issue.values.length });
    case 'custom':
    default:
      return problem('notValid');
  }
}

/** Only with ISSUE_TEXT_PARSE: otherwise zod leaves `input` out of every issue. */
function isMissing(issue: Issue): boolean {
  return 'input' in issue && issue.input === undefined;
}

function boundProblem(origin: string, end: 'most' | 'least', limit: number | bigint, inclusive: boolean, exact: boolean): Problem {
  const unit = UNITS[origin];
  const values = { limit: String(limit), ...(unit ? { unit } : {}) };
  if (unit === undefined) {
    if (exact) return problem('numberExactly', values);
    if (inclusive) return problem(end === 'most' ? 'numberAtMost' : 'numberAtLeast', values);
    return problem(end === 'most' ? 'numberBelow' : 'numberAbove', values);
  }
  if (end === 'least' && inclusive && !exact && Number(limit) === 1) return problem('notEmpty', values);
  if (exact) return problem('lengthExactly', values);
  if (inclusive) return problem(end === 'most' ? 'lengthAtMost' : 'lengthAtLeast', values);
  return problem(end === 'most' ? 'lengthBelow' : 'lengthAbove', values);
}

function formatProblem(issue: Extract<Issue, { code: 'invalid_format' }>): Problem {
  if ('prefix' in issue && typeof issue.prefix === 'string') return problem('startsWith', { text: JSON.stringify(issue.prefix) });
  if ('suffix' in issue && typeof issue.suffix === 'string') return problem('endsWith', { text: JSON.stringify(issue.suffix) });
  if ('includes' in issue && typeof issue.includes === 'string') return problem('contains', { text: JSON.stringify(issue.includes) });
  if (issue.format === 'regex' && issue.pattern !== undefined) return problem('pattern', { pattern: String(issue.pattern) });
  if (issue.format === 'url') return problem('url');
  return problem('format', { format: issue.format });
}

const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  other: '',
};

function typeName(values: Readonly<Record<string, string>>): string {
  return TYPE_NAMES[values.type as ValueType] || (values.name ?? '');
}

/** "1 character", "40 characters", "2 items" */
function counted(values: Readonly<Record<string, string>>): string {
  return `${values.limit} ${values.unit}${values.limit === '1' ? '' : 's'}`;
}

function lengthSentence(values: Readonly<Record<string, string>>, bound: string): string {
  return values.unit === 'character' ? `must be ${bound} long` : `must have ${bound}`;
}

/** "one of a, b" for several, "a" for one */
function oneOf(values: Readonly<Record<string, string>>): string {
  return values.count === '1' ? (values.values ?? '') : `one of ${values.values ?? ''}`;
}

/** The problem as plain English, for rule authors, the build and the CLI. */
export function englishProblem(p: Problem): string {
  const v = p.values ?? {};
  const inner = p.inner ? `: ${englishProblem(p.inner)}` : '';
  switch (p.code) {
    case 'kebabId':
    case 'literalPattern':
      return SCHEMA_MESSAGES[p.code];
    case 'schemaMessage': return v.text ?? '';
    case 'expectedType': return `expected ${typeName(v)}`;
    case 'missingType': return `is missing (expected ${typeName(v)})`;
    case 'numberAtMost': return `must be at most ${v.limit}`;
    case 'numberAtLeast': return `must be at least ${v.limit}`;
    case 'numberBelow': return `must be less than ${v.limit}`;
    case 'numberAbove': return `must be greater than ${v.limit}`;
    case 'numberExactly': return `must be ${v.limit}`;
    case 'lengthAtMost': return lengthSentence(v, `at most ${counted(v)}`);
    case 'lengthAtLeast': return lengthSentence(v, `at least ${counted(v)}`);
    case 'lengthBelow': return lengthSentence(v, `fewer than ${counted(v)}`);
    case 'lengthAbove': return lengthSentence(v, `more than ${counted(v)}`);
    case 'lengthExactly': return lengthSentence(v, `exactly ${counted(v)}`);
    case 'notEmpty': return 'must not be empty';
    case 'startsWith': return `must start with ${v.text}`;
    case 'endsWith': return `must end with ${v.text}`;
    case 'contains': return `must contain ${v.text}`;
    case 'pattern': return `does not match the pattern ${v.pattern}`;
    case 'url': return 'must be a URL';
    case 'format': return `must be a valid ${v.format}`;
    case 'multipleOf': return `must be a multiple of ${v.divisor}`;
    case 'unknownFields': return `unknown ${v.count === '1' ? 'field' : 'fields'} ${v.keys}`;
    case 'severalForms': return 'matches more than one of the allowed forms';
    case 'noForm': return 'matches none of the allowed forms';
    case 'discriminator': return `"${v.key}" must be ${oneOf(v)}`;
    case 'invalidKey': return `invalid key${inner}`;
    case 'invalidElement': return `invalid element${inner}`;
    case 'mustBeValue': return `must be ${oneOf(v)}`;
    case 'missingValue': return `is missing (expected ${oneOf(v)})`;
    case 'notValid': return 'is not valid';
    case 'jsonExpected': return `expected "${v.expected}" but found "${v.found}"`;
    case 'jsonExpectedAtEnd': return `expected "${v.expected}" but found the end of the file`;
    case 'jsonStringLine': return 'a string may not run past the end of its line';
    case 'jsonBadEscape': return 'bad escape in a string';
    case 'jsonTooDeep': return 'nested too deeply';
    case 'jsonDuplicateKey': return `the key "${v.key}" appears twice`;
    case 'jsonAfterValue': return `expected "," or "${v.close}" after a value`;
    case 'jsonEndsEarly': return 'the file ends too early';
    case 'jsonUnexpected': return `unexpected "${v.found}"`;
    case 'jsonTrailing': return 'unexpected text after the end of the JSON value';
    case 'unknownAlias': return `unknown alias ${v.alias}`;
    case 'tooManySpellings': return `"${v.pattern}" expands to more than ${v.limit} spellings`;
    case 'aliasTwice': return 'alias defined twice';
    case 'familyTwice': return 'family described twice';
    case 'familyPrefix': return 'ids that start with "family-" name whole families (muting a family); choose another';
    case 'duplicateId': return `duplicate id (also in ${v.file})`;
    case 'emptyPiece': return `"${v.pattern}" has an empty piece after normalisation`;
    case 'shortPiece':
      return `"${v.pattern}" needs a piece of at least ${v.limit} characters after normalisation (one character alone is too common to search for)`;
    case 'builtinId': return 'this id is already used by a built-in rule; choose another';
    case 'alphabet':
      return `together with the built-in rules, the patterns use ${v.count} distinct characters; at most ${v.limit} are supported`;
    case 'fileTooLarge': return `the file is larger than ${v.limit} characters`;
    case 'noRules': return 'the file has no rules or cues';
  }
}

/** A zod issue in plain English. */
export function describeIssue(issue: Issue): string {
  return englishProblem(issueProblem(issue));
}

/**
 * Plain English for a zod issue, for rule authors (build errors) and users (custom rule and
 * settings imports). zod/mini loads no locale, so a built-in check's own message is only
 * "Invalid input"; loading a locale would put it in the content script, which every frame
 * evaluates. The issue's fields say everything the message would have.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/** What zod/mini writes when neither the schema nor a locale gave a message. */
const NO_MESSAGE = 'Invalid input';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
};

const UNITS: Readonly<Record<string, string>> = {
  string: 'character',
  array: 'item',
  set: 'item',
  file: 'byte',
};

/**
 * Parse options that let `describeIssue` tell a missing field from a wrong one: zod drops the
 * input from issues unless asked to keep it.
 */
export const ISSUE_TEXT_PARSE = { reportInput: true } as const;

export function describeIssue(issue: Issue): string {
  if (issue.message !== NO_MESSAGE) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return expected(issue, TYPE_NAMES[issue.expected] ?? issue.expected);
    case 'too_big':
      return describeBound(issue.origin, 'most', issue.maximum, issue.inclusive !== false, issue.exact === true);
    case 'too_small':
      return describeBound(issue.origin, 'least', issue.minimum, issue.inclusive !== false, issue.exact === true);
    case 'invalid_format':
      return describeFormat(issue);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      if (issue.inclusive === false) return 'matches more than one of the allowed forms';
      if (issue.discriminator !== undefined && issue.options) {
        return `"${issue.discriminator}" must be ${oneOf(issue.options)}`;
      }
      return 'matches none of the allowed forms';
    case 'invalid_key':
      return `invalid key${inner(issue.issues)}`;
    case 'invalid_element':
      return `invalid element${inner(issue.issues)}`;
    case 'invalid_value':
      return isMissing(issue) ? `is missing (expected ${oneOf(issue.values)})` : `must be ${oneOf(issue.values)}`;
    case 'custom':
    default:
      return 'is not valid';
  }
}

function expected(issue: Issue, what: string): string {
  return isMissing(issue) ? `is missing (expected ${what})` : `expected ${what}`;
}

/** Only with ISSUE_TEXT_PARSE: otherwise zod leaves `input` out of every issue. */
function isMissing(issue: Issue): boolean {
  return 'input' in issue && issue.input === undefined;
}

function describeBound(origin: string, end: 'most' | 'least', limit: number | bigint, inclusive: boolean, exact: boolean): string {
  const unit = UNITS[origin];
  if (unit === undefined) {
    if (exact) return `must be ${limit}`;
    if (inclusive) return `must be at ${end} ${limit}`;
    return `must be ${end === 'most' ? 'less' : 'greater'} than ${limit}`;
  }
  if (end === 'least' && inclusive && !exact && Number(limit) === 1) return 'must not be empty';
  const count = `${limit} ${unit}${Number(limit) === 1 ? '' : 's'}`;
  const bound = exact
    ? `exactly ${count}`
    : inclusive
      ? `at ${end} ${count}`
      : `${end === 'most' ? 'fewer' : 'more'} than ${count}`;
  return origin === 'string' ? `must be ${bound} long` : `must have ${bound}`;
}

function describeFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  if ('prefix' in issue && typeof issue.prefix === 'string') return `must start with ${JSON.stringify(issue.prefix)}`;
  if ('suffix' in issue && typeof issue.suffix === 'string') return `must end with ${JSON.stringify(issue.suffix)}`;
  if ('includes' in issue && typeof issue.includes === 'string') return `must contain ${JSON.stringify(issue.includes)}`;
  if (issue.format === 'regex' && issue.pattern !== undefined) return `does not match the pattern ${issue.pattern}`;
  if (issue.format === 'url') return 'must be a URL';
  return `must be a valid ${issue.format}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  if (shown.length === 1) return shown[0] ?? '';
  return `one of ${shown.join(', ')}`;
}

function inner(issues: readonly Issue[]): string {
  const first = issues[0];
  return first ? `: ${describeIssue(first)}` : '';
}

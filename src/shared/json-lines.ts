/**
 * JSON.parse with line numbers: syntax errors name their line, and every value's line can be
 * looked up by its path, so a bad custom-rule file can say "line 12, field patterns.0".
 * Only for small user files (rule packs, settings); the shipped extension has no YAML parser.
 */
import { englishProblem, problem, type Problem } from '../engine/issue-text';

export class JsonSyntaxError extends Error {
  /** the problem in plain English */
  readonly problem: string;

  constructor(
    readonly line: number,
    /** the problem as a code, for the UI's language */
    readonly detail: Problem,
  ) {
    const text = englishProblem(detail);
    super(`line ${line}: ${text}`);
    this.name = 'JsonSyntaxError';
    this.problem = text;
  }
}

export interface JsonWithLines {
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const MAX_DEPTH = 64;

export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  const fail = (detail: Problem): never => {
    throw new JsonSyntaxError(line, detail);
  };
  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') break;
    }
  };
  const expect = (c: string) => {
    const found = text[i];
    if (found !== c) fail(found === undefined ? problem('jsonExpectedAtEnd', { expected: c }) : problem('jsonExpected', { expected: c, found }));
    i++;
  };

  const parseString = (): string => {
    const start = i;
    expect('"');
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') break;
      else if (c === '\n') fail(problem('jsonStringLine'));
    }
    expect('"');
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(problem('jsonBadEscape'));
    }
  };

  const parseValue = (path: string[], depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(problem('jsonTooDeep'));
    skipSpace();
    lines.set(JSON.stringify(path), line);
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        skipSpace();
        const key = parseString();
        if (Object.hasOwn(out, key)) fail(problem('jsonDuplicateKey', { key }));
        skipSpace();
        expect(':');
        // an own property, as JSON.parse makes it: assigning `__proto__` would set the prototype
        Object.defineProperty(out, key, { value: parseValue([...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail(problem('jsonAfterValue', { close: '}' }));
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(parseValue([...path, String(out.length)], depth + 1));
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail(problem('jsonAfterValue', { close: ']' }));
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(c === undefined ? problem('jsonEndsEarly') : problem('jsonUnexpected', { found: c }));
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const data = parseValue([], 0);
  skipSpace();
  if (i < text.length) fail(problem('jsonTrailing'));
  return {
    data,
    lineOf: (path) => {
      for (let n = path.length; n >= 0; n--) {
        const found = lines.get(JSON.stringify(path.slice(0, n).map(String)));
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

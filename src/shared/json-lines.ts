/**
 * JSON.parse with line numbers: syntax errors name their line, and every value's line can be
 * looked up by its path, so a bad custom-rule file can say "line 12, field patterns.0".
 * Only for small user files (rule packs, settings); the shipped extension has no YAML parser.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'JsonSyntaxError';
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

  const fail = (problem: string): never => {
    throw new JsonSyntaxError(line, problem);
  };
  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') break;
    }
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail(`expected "${c}" but found ${text[i] === undefined ? 'the end of the file' : `"${text[i]}"`}`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    expect('"');
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') break;
      else if (c === '\n') fail('a string may not run past the end of its line');
    }
    expect('"');
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('bad escape in a string');
    }
  };

  const parseValue = (path: string[], depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
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
        if (Object.hasOwn(out, key)) fail(`the key "${key}" appears twice`);
        skipSpace();
        expect(':');
        // an own property, as JSON.parse makes it: assigning `__proto__` would set the prototype
        Object.defineProperty(out, key, { value: parseValue([...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail('expected "," or "}" after a value');
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
        } else fail('expected "," or "]" after a value');
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(c === undefined ? 'the file ends too early' : `unexpected "${c}"`);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const data = parseValue([], 0);
  skipSpace();
  if (i < text.length) fail('unexpected text after the end of the JSON value');
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithLines } from '../../src/shared/json-lines';

describe('parseJsonWithLines', () => {
  it('parses what JSON.parse parses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(parseJsonWithLines(text).data).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does, and leaves the prototype alone', () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1}';
    const data = parseJsonWithLines(text).data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect((data as { polluted?: boolean }).polluted).toBeUndefined();
    expect(data).toEqual(JSON.parse(text));
  });

  it('knows the line of every value', () => {
    const text = '{\n  "rules": [\n    {\n      "id": "a",\n      "patterns": [\n        "x"\n      ]\n    }\n  ]\n}';
    const { lineOf } = parseJsonWithLines(text);
    expect(lineOf(['rules', 0, 'id'])).toBe(4);
    expect(lineOf(['rules', 0, 'patterns', 0])).toBe(6);
    // a missing field is reported at its nearest parent
    expect(lineOf(['rules', 0, 'weight'])).toBe(3);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": 2,\n}', 4],
    ['{\n  "a": tru\n}', 2],
    ['[1,\n2\n3]', 3],
    ['{"a": 1, "a": 2}', 1],
    ['{\n"a": "unterminated\n}', 2],
    ['', 1],
  ])('names the line of a syntax error in %j', (text, line) => {
    expect(() => parseJsonWithLines(text)).toThrow(JsonSyntaxError);
    try {
      parseJsonWithLines(text);
    } catch (error) {
      expect((error as JsonSyntaxError).line).toBe(line);
    }
  });
});

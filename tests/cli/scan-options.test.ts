import { describe, expect, it } from 'vitest';
import { DEFAULT_WARN_THRESHOLD } from '../../src/engine/score';
import { parseScanArgs, UsageError } from '../../src/cli/scan-options';

describe('the command line', () => {
  it.each([
    [['-'], { jsonl: false, threshold: DEFAULT_WARN_THRESHOLD, fields: undefined, inputs: ['-'] }],
    [['--jsonl', 'a.jsonl', 'b.jsonl'], { jsonl: true, threshold: DEFAULT_WARN_THRESHOLD, fields: undefined, inputs: ['a.jsonl', 'b.jsonl'] }],
    [['--threshold', '1', '--jsonl', '--fields', 'score, flag,score', '-'], { jsonl: true, threshold: 1, fields: ['score', 'flag'], inputs: ['-'] }],
    [['--threshold=100', 'page.html', '--', '--odd-name.txt'], { jsonl: false, threshold: 100, fields: undefined, inputs: ['page.html', '--odd-name.txt'] }],
  ])('%j reads as a scan', (args, options) => {
    expect(parseScanArgs(args)).toEqual({ kind: 'scan', options });
  });

  it.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['a.txt', '--help', '--bogus'], 'help'],
    [['--version'], 'version'],
    [['--version', '--help'], 'version'],
  ])('%j asks for %s', (args, kind) => {
    expect(parseScanArgs(args)).toEqual({ kind });
  });

  it.each([
    [['--frobnicate', '-'], /^unknown option --frobnicate$/],
    [['-x', 'a.txt'], /^unknown option -x$/],
    [['--bogus', '--help'], /^unknown option --bogus$/],
    [['--jsonl=yes', '-'], /^--jsonl takes no value$/],
    [[], /^no input/],
    [['--jsonl'], /^no input/],
    [['--jsonl', '-', '-'], /^standard input \(-\) can be read only once$/],
    [['--threshold', '0', '-'], /^--threshold needs a whole number from 1 to 100, not "0"$/],
    [['--threshold', '101', '-'], /^--threshold needs/],
    [['--threshold', '4.5', '-'], /^--threshold needs/],
    [['--threshold', ' ', '-'], /^--threshold needs/],
    [['--threshold=abc', '-'], /^--threshold needs/],
    [['-', '--threshold'], /^--threshold needs a whole number from 1 to 100$/],
    [['--jsonl', '--fields', 'flag,colour,size', '-'], /^unknown fields colour, size in --fields/],
    [['--jsonl', '--fields', ' , ', '-'], /^--fields needs/],
    [['--jsonl', '-', '--fields'], /^--fields needs/],
    [['--fields', 'flag', '-'], /^--fields selects fields of the --jsonl output$/],
  ])('%j is refused', (args, message) => {
    expect(() => parseScanArgs(args)).toThrow(UsageError);
    expect(() => parseScanArgs(args)).toThrow(message);
  });
});

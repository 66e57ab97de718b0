import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePack, PackError } from '../../src/engine/compile';
import { buildPack } from '../../src/cli/pack-files';

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const rule = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  category: 'false-promise',
  title: '测试规则',
  weight: 40,
  patterns: ['全额平债'],
  explain,
  examples: { match: ['全额平债'], noMatch: ['全额还款'] },
  ...extra,
});

function compileOne(data: unknown) {
  return compilePack([{ file: 'rules/test.yaml', data }]);
}

function errorOf(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected a PackError');
}

describe('compilePack', () => {
  it('compiles rules, cues and aliases into literals and entries', () => {
    const pack = compileOne({
      aliases: { wechat: ['微信', 'vx'] },
      rules: [rule('add-wechat', { category: 'off-platform', patterns: ['加{wechat}', '不成功…退费'] })],
      cues: [{ id: 'warn', kind: 'warning', patterns: ['警惕'] }],
    });
    expect(pack.literals).toEqual(['加微信', '加vx', '不成功', '退费', '警惕']);
    expect(pack.entries.map((e) => e.pieces.length)).toEqual([1, 1, 2, 1]);
    expect(pack.version).toMatch(/^0-[0-9a-f]{8}$/);
  });

  it.each([
    ['a wrong type', { rules: [rule('bad-weight', { weight: 'high' })] }, 'bad-weight', 'weight'],
    ['a missing explanation part', { rules: [rule('no-advice', { explain: { claim: '广告声称的', reality: '实际上是' } })] }, 'no-advice', 'explain.advice'],
    ['a non-kebab id', { rules: [rule('Bad_Id')] }, 'Bad_Id', 'id'],
    ['regex syntax in a pattern', { rules: [rule('regexy', { patterns: ['(a+)+b'] })] }, 'regexy', 'patterns.0'],
    ['an unknown category', { rules: [rule('odd-category', { category: 'misc' })] }, 'odd-category', 'category'],
    ['an unknown field', { rules: [rule('extra-field', { regex: '.*' })] }, 'extra-field', ''],
  ])('rejects %s, naming file, rule and field', (_name, data, id, field) => {
    const error = errorOf(() => compileOne(data));
    expect(error.file).toBe('rules/test.yaml');
    expect(error.ruleId).toBe(id);
    if (field) expect(error.field).toBe(field);
    expect(error.message).toContain('rules/test.yaml');
    expect(error.message).toContain(id);
  });

  it('rejects a duplicate id across files, naming both', () => {
    const error = errorOf(() =>
      compilePack([
        { file: 'rules/a.yaml', data: { rules: [rule('same-id')] } },
        { file: 'rules/b.yaml', data: { rules: [rule('same-id')] } },
      ]),
    );
    expect(error.message).toMatch(/rules\/b\.yaml.*same-id.*"id".*duplicate.*rules\/a\.yaml/);
  });

  it('rejects an unknown alias and an alias explosion', () => {
    expect(errorOf(() => compileOne({ rules: [rule('no-alias', { patterns: ['加{nope}'] })] })).message).toContain('{nope}');
    const many = Array.from({ length: 17 }, (_, i) => `x${i}`);
    const error = errorOf(() => compileOne({ aliases: { a: many }, rules: [rule('boom', { patterns: ['{a}{a}'] })] }));
    expect(error.field).toBe('patterns');
  });

  it('reports a truncated YAML file with its line, and a bad field with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcs-rules-'));
    writeFileSync(join(dir, 'broken.yaml'), 'rules:\n  - id: cut-off\n    patterns: [全额平债\n');
    expect(() => buildPack(dir)).toThrow(/broken\.yaml:\d+/);
    const dir2 = mkdtempSync(join(tmpdir(), 'fcs-rules-'));
    writeFileSync(
      join(dir2, 'typo.yaml'),
      ['rules:', '  - id: typo-rule', '    category: false-promise', '    title: 测试', '    weight: 400', '    patterns: [全额平债]'].join('\n'),
    );
    const error = errorOf(() => buildPack(dir2));
    expect(error.ruleId).toBe('typo-rule');
    expect(error.field).toBe('weight');
    expect(error.line).toBe(5);
  });
});

describe('one-character pieces', () => {
  it('are allowed beside a longer piece and matched around it', async () => {
    const { createMatcher, analyzeBlock } = await import('../../src/engine/analyze');
    const pack = compileOne({ rules: [], cues: [{ id: 'banner-words', kind: 'reported', patterns: ['以…为噱头'] }] });
    const matcher = createMatcher(pack);
    expect(analyzeBlock(matcher, '以“全额平债”为噱头').cues.map((c) => [c.start, c.end])).toEqual([[0, 10]]);
    expect(analyzeBlock(matcher, '这是噱头').cues).toEqual([]);
  });

  it('are rejected when a pattern has nothing longer', () => {
    const error = errorOf(() => compileOne({ rules: [], cues: [{ id: 'too-short', kind: 'offer', patterns: ['包'] }] }));
    expect(error.ruleId).toBe('too-short');
    expect(error.field).toBe('patterns');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { scoreBlock } from '../../src/engine/score';
import { LURE_CATEGORIES } from '../../src/engine/pack-schema';
import { checkCompiledPack } from '../../src/engine/compiled-pack';
import { buildPack, buildPackWithModel, readPackSources } from '../../src/cli/pack-files';
import { RuleSource } from '../../src/engine/pack-schema';

const pack = buildPack();
const matcher = createMatcher(pack);
const sources = readPackSources();
const ruleSources = sources.flatMap((s) =>
  ((s.data as { rules?: unknown[] }).rules ?? []).map((r) => ({ file: s.file, rule: RuleSource.parse(r) })),
);

describe('the rule pack', () => {
  it('compiles and validates as the extension loads it', () => {
    expect(checkCompiledPack(JSON.parse(JSON.stringify(pack))).version).toBe(pack.version);
  });

  it('has at least 60 lure rules covering every category of the taxonomy', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(60);
    for (const category of LURE_CATEGORIES) {
      expect(pack.rules.filter((r) => r.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(['全额平债', '不成功100%退费', '预缴服务费', '加微信', '停息挂账', '征信修复', '代理退保', '反催收'])(
    'covers %s',
    (phrase) => {
      expect(analyzeBlock(matcher, phrase).lures.length, phrase).toBeGreaterThan(0);
    },
  );

  it('keeps each rule in the file of its category', () => {
    for (const { file, rule } of ruleSources) expect(file, rule.id).toContain(rule.category);
  });

  // "fires" means the rule adds points when the example is scored on its own: a rule whose
  // words are everyday words (needsTopic) may match a negative example and still add nothing
  const firing = (text: string): string[] =>
    scoreBlock(pack, analyzeBlock(matcher, text))
      .rules.filter((r) => r.points > 0)
      .map((r) => r.ruleId);

  describe.each(ruleSources.map(({ rule }) => [rule.id, rule] as const))('rule %s', (id, rule) => {
    it.each(rule.examples.match)('fires on its positive example %s', (text) => {
      expect(firing(text)).toContain(id);
    });
    it.each(rule.examples.noMatch)('does not fire on its negative example %s', (text) => {
      expect(firing(text)).not.toContain(id);
    });
  });

  it('is snapshotted so rule changes show up in review', () => {
    const summary = pack.rules.map((r) => {
      const literals = pack.entries
        .filter((e) => e.kind === 'rule' && pack.rules[e.ref]?.id === r.id)
        .map((e) => e.pieces.map((p) => pack.literals[p]).join('…'));
      return `${r.category} ${r.id} w${r.weight}: ${literals.join(' | ')}`;
    });
    expect(summary.join('\n')).toMatchSnapshot();
  });

  it('snapshots a summary of the trained model, so a corpus change shows up in review', () => {
    const { summary } = buildPackWithModel().built;
    const lines = [
      `lines: ${JSON.stringify(summary.lines)}`,
      `weights: ${JSON.stringify(summary.weights)}`,
      `combiner: ${JSON.stringify(summary.combiner)}`,
      `for an ad: ${summary.strongest.for.map(([g, w]) => `${g} ${w}`).join(', ')}`,
      `against: ${summary.strongest.against.map(([g, w]) => `${g} ${w}`).join(', ')}`,
      ...Object.entries(summary.families).map(([family, grams]) => `${family}: ${grams.map(([g, w]) => `${g} ${w}`).join(', ')}`),
    ];
    expect(lines.join('\n')).toMatchSnapshot();
  });
});

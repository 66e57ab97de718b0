import { describe, expect, it } from 'vitest';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { scorePage } from '../../src/engine/score';
import { compileCustomRules, CUSTOM_RULES_KEY, loadCustomPack, loadEffectivePack } from '../../src/shared/custom-rules';
import { exportSettings, importSettings } from '../../src/shared/settings-transfer';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { memoryArea } from '../helpers/memory-area';
import { TEST_PACK } from '../helpers/test-pack';

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const customRule = {
  id: 'custom-shangan',
  category: 'debt-relief-offer',
  title: '上岸计划',
  weight: 60,
  patterns: ['上岸计划'],
  explain,
  examples: { match: ['加入上岸计划'], noMatch: ['上岸了'] },
};
const GOOD = JSON.stringify({ rules: [customRule] }, null, 2);

describe('custom rules', () => {
  it('compile with the shipped compiler and match next to the built-in rules', () => {
    const result = compileCustomRules(GOOD, 'mine.json', TEST_PACK);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.stored.ruleIds).toEqual(['custom-shangan']);
    const matcher = createMatcher(result.pack);
    const findings = analyzeBlock(matcher, '我们帮你加入上岸计划，债务优化');
    expect(findings.lures.map((l) => l.ruleId).sort()).toEqual(['custom-shangan', 'debt-optimize']);
    expect(scorePage(result.pack, [findings]).blocks[0]?.rules.map((r) => r.ruleId)).toContain('custom-shangan');
  });

  it.each([
    ['a JSON syntax error', '{\n  "rules": [\n    { "id": "x", }\n  ]\n}', { line: 3, field: '(json)' }],
    [
      'a wrong field',
      JSON.stringify({ rules: [{ ...customRule, weight: 'heavy' }] }, null, 2),
      { line: 7, field: 'weight', ruleId: 'custom-shangan' },
    ],
    [
      'regex syntax in a pattern',
      JSON.stringify({ rules: [{ ...customRule, patterns: ['上岸(计划)'] }] }, null, 2),
      { line: 9, field: 'patterns.0', ruleId: 'custom-shangan' },
    ],
    ['an unknown top-level key', '{\n  "rulez": []\n}', { field: '(root)' }],
    ['an id the built-in pack uses', JSON.stringify({ rules: [{ ...customRule, id: 'debt-optimize' }] }), { field: 'id', ruleId: 'debt-optimize' }],
    ['an empty file', '{}', { field: 'rules' }],
  ])('reject %s, naming where', (_label, text, expected) => {
    const result = compileCustomRules(text, 'bad.json', TEST_PACK);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(expected);
    expect(result.error.problem.length).toBeGreaterThan(0);
  });

  it('a stored pack joins the built-in one; none, or a broken one, leaves the built-in pack', async () => {
    const good = compileCustomRules(GOOD, 'mine.json', TEST_PACK);
    if (!good.ok) throw new Error('fixture must compile');
    expect((await loadEffectivePack(memoryArea({ [CUSTOM_RULES_KEY]: good.stored }), TEST_PACK)).rules).toHaveLength(TEST_PACK.rules.length + 1);
    expect(await loadEffectivePack(memoryArea(), TEST_PACK)).toBe(TEST_PACK);
    const broken = { ...good.stored, text: '{"rules": 5}' };
    expect(await loadEffectivePack(memoryArea({ [CUSTOM_RULES_KEY]: broken }), TEST_PACK)).toBe(TEST_PACK);
  });

  it('asks for the built-in pack only when there are custom rules to merge with it (a frame decodes it lazily)', async () => {
    let asked = 0;
    const builtin = () => (asked++, TEST_PACK);
    expect(await loadCustomPack(memoryArea(), builtin)).toBeUndefined();
    expect(asked).toBe(0);
    const good = compileCustomRules(GOOD, 'mine.json', TEST_PACK);
    if (!good.ok) throw new Error('fixture must compile');
    expect((await loadCustomPack(memoryArea({ [CUSTOM_RULES_KEY]: good.stored }), builtin))?.rules).toHaveLength(TEST_PACK.rules.length + 1);
    expect(asked).toBe(1);
  });
});

describe('settings import', () => {
  const settings = { ...DEFAULT_SETTINGS, autoWarn: false, allowedSites: ['example.com'], mutedRules: ['add-wechat'], language: 'zh_CN' as const };

  it('round-trips an export, custom rules included', () => {
    const good = compileCustomRules(GOOD, 'mine.json', TEST_PACK);
    if (!good.ok) throw new Error('fixture must compile');
    const result = importSettings(exportSettings(settings, good.stored), TEST_PACK);
    expect(result).toEqual({ ok: true, settings, customRules: good.stored });
    expect(exportSettings(settings, undefined)).toContain('"language": "zh_CN"');
  });

  it.each([
    ['not JSON', 'settings!', '(json)'],
    ['another file', JSON.stringify({ rules: [] }), 'format'],
    ['a bad value', JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { threshold: 900 } }), 'settings.threshold'],
    ['a bad host', JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { allowedSites: ['ok.com', 'bad host!'] } }), 'settings.allowedSites.1'],
    ['an unknown language', JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { language: 'fr' } }), 'settings.language'],
    ['an unknown key', JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: { autoBlock: true } }), 'settings'],
    [
      'custom rules that do not compile',
      JSON.stringify({ format: 'fcs-guard-settings', version: 1, settings: {}, customRules: { fileName: 'x.json', importedAt: 1, ruleIds: [], text: '{"rules": 1}' } }),
      'customRules.rules',
    ],
  ])('rejects %s as a whole', (_label, text, field) => {
    const result = importSettings(text, TEST_PACK);
    expect(result).toMatchObject({ ok: false, field });
  });
});

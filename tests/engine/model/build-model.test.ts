import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/engine/analyze';
import { buildModel } from '../../../src/engine/model/build-model';
import type { CorpusRow } from '../../../src/engine/model/corpus-schema';
import { decodeModel, readWithModel } from '../../../src/engine/model/read';
import { LureModelSchema } from '../../../src/engine/model/model-schema';
import { scoreBlock, wantsModel } from '../../../src/engine/score';
import { analyzeBlock } from '../../../src/engine/analyze';
import { TEST_PACK } from '../../helpers/test-pack';

/** a tiny corpus of our own, enough for the pipeline to run end to end */
const ads = [
  ['欠款帮你谈下来，先交定金三百，加我', ['debt-relief-offer', 'upfront-fee', 'off-platform']],
  ['债务优化找我们，利息全免，私我', ['debt-relief-offer', 'false-promise', 'off-platform']],
  ['把身份证和借款合同发我，帮你停息挂账', ['data-harvest', 'debt-relief-offer']],
  ['催收电话我们帮你停，只收服务费', ['debt-relief-offer', 'upfront-fee']],
  ['教你写投诉模板，逼平台减免，扣1', ['forgery-coaching', 'off-platform']],
  ['网贷只还本金，交给我们办理', ['false-promise', 'debt-relief-offer']],
] as const;
const lookAlikes = ['警惕“债务优化”骗局，公安机关提醒不要交定金', '我自己和银行协商了分期，没找中介', '记者调查：所谓停息挂账中介收了服务费就失联', '银行客服说个性化分期要本人申请'];
const ordinary = ['今天天气不错，去公园', '快递放在门卫室了', '周末超市打八折', '明天上午九点开会', '孩子的学费交了'];

const rows: CorpusRow[] = [
  ...ads.map(([text, families], i) => ({ text, label: 'ad' as const, families: [...families], channel: 'test', id: `t.jsonl:${i + 1}`, file: 't.jsonl' })),
  ...lookAlikes.map((text, i) => ({ text, label: 'hard-negative' as const, channel: 'test', id: `t.jsonl:${i + 10}`, file: 't.jsonl' })),
  ...ordinary.map((text, i) => ({ text, label: 'ordinary' as const, channel: 'test', id: `t.jsonl:${i + 20}`, file: 't.jsonl' })),
];
const input = { rows, pack: TEST_PACK, matcher: createMatcher(TEST_PACK), fold: [] as [number, number][] };
const built = buildModel(input);

describe('buildModel', () => {
  it('makes a model the pack schema accepts, with a head per family and a combiner weight per feature', () => {
    expect(LureModelSchema.safeParse(JSON.parse(JSON.stringify(built.model))).success).toBe(true);
    expect(Object.keys(built.model.families).sort()).toEqual(['data-harvest', 'debt-relief-offer', 'false-promise', 'forgery-coaching', 'off-platform', 'upfront-fee']);
  });

  it('is deterministic: the same corpus gives the same model, byte for byte', () => {
    expect(JSON.stringify(buildModel(input).model)).toBe(JSON.stringify(built.model));
  });

  it('scores every line out of fold, and sums up the corpus and the strongest n-grams by their spelling', () => {
    expect(built.outOfFold.map((o) => o.id)).toEqual(rows.map((r) => r.id));
    expect(built.summary.lines).toEqual({ ad: 6, 'hard-negative': 4, ordinary: 5 });
    expect(built.summary.strongest.for.length).toBeGreaterThan(0);
    for (const [gram] of built.summary.strongest.for) expect(gram).not.toMatch(/^#/);
  });

  it('reads an unseen ad as an ad, and names a family the ad shows', () => {
    const model = decodeModel(built.model);
    const text = '利息帮你免掉，加我，先交定金';
    const reading = readWithModel(model, text);
    const findings = analyzeBlock(input.matcher, text);
    expect(wantsModel(findings) || reading.logit > 0).toBe(true);
    expect(reading.logit).toBeGreaterThan(0);
    expect(reading.families.length).toBe(6);
    const verdict = scoreBlock(TEST_PACK, findings, { model, reading });
    expect(verdict.model?.probability).toBeGreaterThan(0.5);
    for (const phrase of verdict.model?.phrases ?? []) expect(text.slice(phrase.start, phrase.end).length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { compilePack } from '../../src/engine/compile';
import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { levelFor, scorePage } from '../../src/engine/score';

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const examples = { match: ['x'], noMatch: ['y'] };
const pack = compilePack([
  {
    file: 'rules/test.yaml',
    data: {
      rules: [
        { id: 'debt-optimize', category: 'debt-relief-offer', title: '债务优化', weight: 25, patterns: ['债务优化', '停息挂账'], explain, examples },
        { id: 'refund-guarantee', category: 'false-promise', title: '不成功退费', weight: 45, patterns: ['不成功…退费'], explain, examples },
        { id: 'prepay-fee', category: 'upfront-fee', title: '预缴服务费', weight: 40, patterns: ['预缴服务费'], explain, examples },
        { id: 'add-wechat', category: 'off-platform', title: '加微信', weight: 25, patterns: ['加微信'], explain, examples },
      ],
      cues: [
        { id: 'warn', kind: 'warning', patterns: ['警惕', '骗局', '公安机关'] },
        { id: 'neg', kind: 'negation', patterns: ['切勿相信', '不要相信'] },
        { id: 'offer', kind: 'offer', patterns: ['我们', '帮你'] },
        { id: 'lender', kind: 'own-lender', patterns: ['联系银行客服'] },
      ],
    },
  },
]);
const matcher = createMatcher(pack);
const score = (...blocks: string[]) => scorePage(pack, blocks.map((b) => analyzeBlock(matcher, b)));

describe('scoring', () => {
  it('rewards independent signals far more than one repeated word', () => {
    const repeated = score('债务优化债务优化债务优化债务优化债务优化');
    const several = score('债务优化，不成功100%退费，预缴服务费，加微信');
    expect(repeated.score).toBe(score('债务优化').score);
    expect(several.score).toBeGreaterThanOrEqual(75);
    expect(several.score).toBeGreaterThan(repeated.score * 2.5);
    expect(several.blocks[0]?.categories.length).toBe(4);
  });

  it('discounts a slogan inside quotation marks and in warning context', () => {
    const ad = score('我们帮你债务优化，不成功100%退费，预缴服务费即可');
    const report = score('警惕“债务优化”“不成功100%退费”“预缴服务费”骗局，公安机关提醒');
    expect(ad.level).not.toBe('none');
    expect(report.score).toBeLessThan(ad.score / 3);
    expect(report.blocks[0]?.reasons).toEqual(expect.arrayContaining(['quoted', 'warning-context']));
  });

  it('drops a lure right after a safe clause', () => {
    const verdict = score('切勿相信不成功就退费的说法');
    expect(verdict.score).toBe(0);
    expect(verdict.blocks[0]?.reasons).toContain('negated');
  });

  it('discounts debt-relief words about the borrower’s own lender unless someone sells them', () => {
    const own = score('可以联系银行客服申请停息挂账');
    const sold = score('可以联系银行客服申请停息挂账，我们帮你办，加微信');
    expect(own.score).toBeLessThan(score('停息挂账').score);
    expect(sold.score).toBeGreaterThan(own.score);
  });

  it('still flags an ad block on a page that reads as an anti-fraud article', () => {
    const page = score('警惕债务优化骗局，公安机关提醒', '切勿轻信', '我们帮你债务优化，不成功100%退费，加微信');
    expect(page.antiFraudPage).toBe(false);
    expect(page.flagged).toEqual([2]);
  });

  it.each([
    [0, 'none'],
    [19, 'none'],
    [20, 'low'],
    [39, 'low'],
    [40, 'medium'],
    [70, 'high'],
    [100, 'high'],
  ] as const)('score %i is level %s', (s, level) => {
    expect(levelFor(s)).toBe(level);
  });
});

describe('text hidden from the reader inside a block (evasion)', () => {
  const evasive = (text: string) => ({ ...analyzeBlock(matcher, text), evasion: true });

  it('raises a block that shows a live lure to the high level, and says why', () => {
    const plain = scorePage(pack, [analyzeBlock(matcher, '帮你停息挂账')]);
    const hidden = scorePage(pack, [evasive('帮你停息挂账')]);
    expect(plain.score).toBeLessThan(70);
    expect(hidden.score).toBeGreaterThanOrEqual(70);
    expect(hidden.level).toBe('high');
    expect(hidden.blocks[0]?.reasons).toContain('hidden-text');
  });

  it('changes nothing for a block with no live lure (only quoted or negated, or none)', () => {
    for (const text of ['今天天气很好', '切勿相信债务优化']) {
      const plain = scorePage(pack, [analyzeBlock(matcher, text)]);
      const hidden = scorePage(pack, [evasive(text)]);
      expect(hidden.score).toBe(plain.score);
      expect(hidden.blocks[0]?.reasons ?? []).not.toContain('hidden-text');
    }
  });

  it('muted rules do not come back through it', () => {
    const hidden = scorePage(pack, [evasive('停息挂账')], { muted: new Set(['debt-optimize']) });
    expect(hidden.score).toBe(0);
  });
});

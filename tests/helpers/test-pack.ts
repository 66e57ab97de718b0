import { analyzeBlock, createMatcher } from '../../src/engine/analyze';
import { compilePack } from '../../src/engine/compile';
import type { BlockReport } from '../../src/shared/messages';

const explain = { claim: '广告声称的内容', reality: '实际发生的事情', advice: '应该怎么做才安全' };
const examples = { match: ['x'], noMatch: ['y'] };

/** A small pack, independent of rules/, so these tests do not move when the rules do. */
export const TEST_PACK = compilePack([
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
        { id: 'offer', kind: 'offer', patterns: ['我们', '帮你'] },
      ],
    },
  },
]);

const matcher = createMatcher(TEST_PACK);

export const AD_TEXT = '我们帮你债务优化，不成功100%退费，预缴服务费，加微信';

export function blockReport(key: string, text: string): BlockReport {
  const findings = analyzeBlock(matcher, text);
  return { key, findings, snippets: findings.lures.map((l) => ({ ruleId: l.ruleId, text: text.slice(l.start, l.end) })) };
}

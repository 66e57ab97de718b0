import { describe, expect, it } from 'vitest';
import { ISSUE_TRACKER, issueUrl, reportBody, reportTitle, type ReportLabels } from '../../src/shared/report-draft';

const labels: ReportLabels = {
  kind: { 'false-alarm': 'False alarm', 'missed-ad': 'Missed ad' },
  domain: 'Domain', packVersion: 'Pack', level: 'Level', rules: 'Rules', snippets: 'Matched text', describe: 'What happened',
};
const facts = { kind: 'false-alarm' as const, domain: 'bank.example', packVersion: '1-abc', level: 'medium', ruleIds: ['debt-optimize'], snippets: ['个性化分期\n协商还款'] };

describe('report draft', () => {
  it('says exactly what would be shared', () => {
    expect(reportTitle(facts, labels)).toBe('False alarm: bank.example');
    expect(reportBody(facts, labels)).toBe(
      'Domain: bank.example\nPack: 1-abc\nLevel: medium\nRules: debt-optimize\n\nMatched text:\n> 个性化分期 协商还款\n\nWhat happened:\n',
    );
  });

  it('prefills an issue on the public tracker, encoded and bounded', () => {
    const url = new URL(issueUrl('t & t', 'a\nb #1'));
    expect(`${url.origin}${url.pathname}`).toBe(ISSUE_TRACKER);
    expect(url.searchParams.get('title')).toBe('t & t');
    expect(url.searchParams.get('body')).toBe('a\nb #1');
    expect(issueUrl('x', '债'.repeat(10_000)).length).toBeLessThanOrEqual(7_500);
  });
});

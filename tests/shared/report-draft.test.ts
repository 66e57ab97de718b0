import { describe, expect, it } from 'vitest';
import { ISSUE_TRACKER, issueUrl, mailtoUrl, reportBody, reportTitle, scamReportBody, type ReportLabels, type ScamLabels } from '../../src/shared/report-draft';

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

const scamLabels: ScamLabels = {
  title: '举报', intro: '我要举报：', address: '网址', pageTitle: '标题', seenAt: '发现时间', verdict: '判断', adText: '广告原话',
  tricks: '可疑之处', contacts: '联系方式', phones: '电话', wechat: '微信号', qq: 'QQ 号', links: '链接', footer: '（fcs-guard 整理）',
  colon: '：', comma: '、',
};

describe('a report of the scam ad, for the official channels', () => {
  const facts = {
    url: 'https://ads.example/p?id=7',
    pageTitle: '上岸咨询',
    seenAt: '2026-12-08 03:34:55 UTC+08:00（中国标准时间，Asia/Shanghai）',
    verdict: '很可能是反催收骗局广告',
    adText: ['停息挂账\n不成功100%退费', '加微信 anxin888'],
    tricks: ['停息挂账', '不成功退费'],
    contacts: { phones: ['+8618800001234'], wechat: ['anxin888'], qq: [], links: [] },
  };

  it('holds the full address, when it was seen, what the ad says and its contacts, ready to paste', () => {
    expect(scamReportBody(facts, scamLabels)).toBe(
      [
        '我要举报：',
        '',
        '网址：https://ads.example/p?id=7',
        '标题：上岸咨询',
        '发现时间：2026-12-08 03:34:55 UTC+08:00（中国标准时间，Asia/Shanghai）',
        '判断：很可能是反催收骗局广告',
        '可疑之处：停息挂账、不成功退费',
        '',
        '广告原话：',
        '> 停息挂账 不成功100%退费',
        '> 加微信 anxin888',
        '',
        '联系方式：',
        '电话：+8618800001234',
        '微信号：anxin888',
        '',
        '（fcs-guard 整理）',
        '',
      ].join('\n'),
    );
  });

  it('leaves out contacts it did not find', () => {
    expect(scamReportBody({ ...facts, contacts: { phones: [], wechat: [], qq: [], links: [] } }, scamLabels)).not.toContain('联系方式');
  });

  it('goes into an e-mail whose recipient the user chooses, bounded for mail programs', () => {
    const url = mailtoUrl('举报 & 反馈', 'a\nb');
    expect(url.startsWith('mailto:?')).toBe(true);
    const params = new URLSearchParams(url.slice('mailto:?'.length));
    expect(params.get('subject')).toBe('举报 & 反馈');
    expect(params.get('body')).toBe('a\nb');
    expect(mailtoUrl('x', '债'.repeat(5_000)).length).toBeLessThanOrEqual(1_900);
  });

  it('cuts a text too long for a link in the middle: what was found and what the user wrote both stay', () => {
    const body = `网站：a.example\n${'> 匹配到的原文\n'.repeat(300)}请补充说明：我的备注`;
    for (const url of [mailtoUrl('x', body), issueUrl('x', body)]) {
      const text = new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('body') ?? '';
      expect(text.startsWith('网站：a.example')).toBe(true);
      expect(text.endsWith('我的备注')).toBe(true);
      expect(text).toContain('\n…\n');
    }
  });
});

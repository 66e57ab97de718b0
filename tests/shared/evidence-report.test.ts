// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { escapeHtml, evidenceFileName, evidenceHtml, evidenceJson, type Evidence, type EvidenceStrings } from '../../src/shared/evidence-report';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';

const strings: EvidenceStrings = {
  heading: '证据', intro: '说明', page: '网址', time: '时间', pageTitle: '标题', verdict: '结论', screenshot: '截图',
  noScreenshot: '无截图', flaggedText: '原文', rules: '规则', claim: '他们说', reality: '实际上', advice: '怎么做',
  contacts: '联系方式', phones: '电话', wechat: '微信', qq: 'QQ', links: '链接', none: '无', howTo: '如何举报',
  steps: ['拨打 110', '拨打 12378'], footer: zhCN.extName.message, lang: 'zh-CN',
};

const ATTACK = '<img src=x onerror="alert(1)">';
const evidence: Evidence = {
  url: `https://evil.example/?q="><script>alert(1)</script>`,
  title: ATTACK,
  capturedAt: '2026-11-25T00:12:34.000Z',
  packVersion: '1-abc',
  level: 'high',
  score: 88,
  lures: [{ ruleId: 'prepay-fee', title: '预缴服务费', snippets: [`${ATTACK}预缴服务费`], explain: { claim: 'c</p>', reality: 'r', advice: 'a' } }],
  blocks: [`我们帮你停息挂账 ${ATTACK} 加微信 abc123`],
  contacts: { phones: ['+8613800138000'], wechat: ['abc123'], qq: [], links: ['https://x.example/<b>'] },
  screenshot: 'data:image/png;base64,iVBORw0KGgo=',
};

describe('evidence report', () => {
  it('includes the crops of ad images read on the device, their text as text', () => {
    const crop = { text: `负债50万${ATTACK}上岸`, dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAA=' };
    const forged = { text: 'x', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' };
    const html = evidenceHtml({ ...evidence, imageCrops: [crop, forged] }, { ...strings, imageText: '图片中的文字' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([evidence.screenshot, crop.dataUrl]);
    expect(doc.querySelector('figcaption')?.textContent).toBe(crop.text);
    expect(doc.body.textContent).toContain('图片中的文字');
    expect(html).not.toContain('data:text/html');
  });

  it('escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows page text as text: <img onerror> is text, never an element', () => {
    const html = evidenceHtml(evidence, strings);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // the only image is the screenshot; no script, no handler attributes
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([evidence.screenshot]);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/<img src=x/);
    expect(doc.body.textContent).toContain(ATTACK);
    expect(doc.title).toContain(ATTACK);
    expect(doc.body.textContent).toContain('+8613800138000');
  });

  it('drops a screenshot that is not a plain PNG data URL', () => {
    const html = evidenceHtml({ ...evidence, screenshot: 'javascript:alert(1)' }, strings);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('无截图');
  });

  it('forbids scripts and remote loads in the saved file', () => {
    expect(evidenceHtml(evidence, strings)).toContain(`default-src 'none'`);
  });

  it('JSON keeps the same facts', () => {
    const parsed = JSON.parse(evidenceJson(evidence));
    expect(parsed).toMatchObject({ format: 'fcs-guard-evidence', version: 1, title: ATTACK, contacts: evidence.contacts });
  });

  it('names files by time and host', () => {
    expect(evidenceFileName(evidence)).toBe('fcs-guard-evidence-2026-11-25T0012-evil.example');
  });
});

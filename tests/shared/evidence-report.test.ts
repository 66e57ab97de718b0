// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  EVIDENCE_DATA_ID,
  evidenceData,
  evidenceFileName,
  evidenceHtml,
  type Evidence,
  type EvidenceStrings,
} from '../../src/shared/evidence-report';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';

const strings: EvidenceStrings = {
  heading: '证据', intro: '说明', page: '网址', time: '时间', utc: '协调世界时', pageTitle: '标题', verdict: '结论',
  tampered: '网页隐藏警告', tamperKinds: { removed: '删除警告', restyled: '改写警告样式', hidden: '让警告不可见', covered: '遮住警告' },
  levels: { none: '未发现', low: '少量', medium: '可能是', high: '很可能是' },
  likelihoodLabel: '骗局可能性：', likelihood: { none: '很小', low: '较小', medium: '较大', high: '很大' }, score: '评分',
  checkedBy: '检测工具', pack: '规则包', screenshot: '截图', blockCrop: '广告截图', noScreenshot: '无截图', flaggedText: '原文',
  rules: '规则', claim: '他们说', reality: '实际上', advice: '怎么做', contacts: '联系方式', phones: '电话', wechat: '微信', qq: 'QQ',
  links: '链接', none: '无', howTo: '如何举报', steps: ['拨打 110', '拨打 12378'], data: '内嵌数据', footer: zhCN.extName.message, lang: 'zh-CN',
};

const ATTACK = '<img src=x onerror="alert(1)">';
const CLOSE_SCRIPT = '</script><script>alert(2)</script><!--';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const evidence: Evidence = {
  url: `https://evil.example/?q="><script>alert(1)</script>`,
  title: `${ATTACK}${CLOSE_SCRIPT}`,
  capturedAt: '2026-12-07T19:34:55.288Z',
  timeZone: 'Asia/Shanghai',
  packVersion: '1-abc',
  level: 'high',
  score: 88,
  lures: [{ ruleId: 'prepay-fee', title: '预缴服务费', snippets: [`${ATTACK}预缴服务费`], explain: { claim: 'c</p>', reality: 'r', advice: 'a' } }],
  blocks: [`我们帮你停息挂账 ${ATTACK} 加微信 abc123 ${CLOSE_SCRIPT}`],
  contacts: { phones: ['+8613800138000'], wechat: ['abc123'], qq: [], links: ['https://x.example/<b>'] },
  screenshot: PNG,
};
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** what a reader sees: the body without the embedded data */
const readable = (doc: Document) => {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const script of body.querySelectorAll('script')) script.remove();
  return body.textContent ?? '';
};
const embedded = (doc: Document) => JSON.parse(doc.getElementById(EVIDENCE_DATA_ID)?.textContent ?? 'null') as Record<string, unknown>;

describe('evidence report', () => {
  it('gives the local date and time with the UTC offset and the zone’s name, and the UTC time beside it', () => {
    const doc = parse(evidenceHtml(evidence, strings));
    // 19:34 UTC is already the next morning in Beijing
    expect(doc.querySelector('[data-testid="local-time"]')?.textContent).toBe('2026-12-08 03:34:55 UTC+08:00（中国标准时间，Asia/Shanghai）');
    expect(readable(doc)).toContain('协调世界时 2026-12-07 19:34:55');
    expect(readable(doc)).not.toContain('2026-12-07T19:34:55.288Z');
  });

  it('says the verdict in the UI language: level, likelihood in words and the score out of 100', () => {
    const doc = parse(evidenceHtml(evidence, strings));
    const verdict = [...doc.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === '结论')?.querySelector('td')?.textContent;
    expect(verdict).toBe('很可能是（骗局可能性：很大，评分 88 / 100）');
    expect(readable(doc)).not.toMatch(/\bhigh\b/);
  });

  it('records that the page tried to hide the warning, each way it did, in words and in the data; no row when it did not', () => {
    const hid: Evidence = { ...evidence, tampered: { kinds: ['removed', 'covered'], firstAt: '2026-12-07T19:34:50.000Z' } };
    const doc = parse(evidenceHtml(hid, strings));
    const row = doc.querySelector('[data-testid="tampered"]');
    expect(row?.querySelector('th')?.textContent).toBe('网页隐藏警告');
    expect(row?.querySelector('td')?.textContent).toBe('删除警告、遮住警告');
    expect(embedded(doc)).toMatchObject({ tampered: { kinds: ['removed', 'covered'], firstAt: '2026-12-07T19:34:50.000Z' } });
    expect(parse(evidenceHtml(evidence, strings)).querySelector('[data-testid="tampered"]')).toBeNull();
  });

  it('is one file: the machine-readable facts are embedded, as data no browser runs', () => {
    const html = evidenceHtml(evidence, strings);
    const doc = parse(html);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    const data = embedded(doc);
    expect(data).toMatchObject({
      format: 'fcs-guard-evidence',
      url: evidence.url,
      title: evidence.title,
      capturedAt: evidence.capturedAt,
      capturedAtLocal: '2026-12-08T03:34:55+08:00',
      utcOffset: 'UTC+08:00',
      timeZone: 'Asia/Shanghai',
      level: 'high',
      score: 88,
      contacts: evidence.contacts,
      blocks: evidence.blocks,
      screenshot: '#screenshot',
    });
    // the images are in the page once, referenced from the data by element id
    expect(doc.getElementById('screenshot')?.getAttribute('src')).toBe(PNG);
    expect(html.split(PNG)).toHaveLength(2);
  });

  it('page text cannot end the data block or open a comment in it', () => {
    const html = evidenceHtml(evidence, strings);
    const block = html.slice(html.indexOf(`id="${EVIDENCE_DATA_ID}"`));
    expect(block.slice(0, block.indexOf('</script>'))).not.toMatch(/<\/script|<!--/i);
    expect(parse(html).querySelectorAll('script')).toHaveLength(1);
  });

  it('shows the flagged block cut from the screenshot beside the full view', () => {
    const crop = 'data:image/png;base64,iVBORw0KGgoAAAB=';
    const doc = parse(evidenceHtml({ ...evidence, blockCrop: crop }, strings));
    const views = doc.querySelector('.views');
    expect([...(views?.querySelectorAll('img') ?? [])].map((img) => img.id)).toEqual(['block-crop', 'screenshot']);
    expect(embedded(doc).blockCrop).toBe('#block-crop');
  });

  it('includes the crops of ad images read on the device, their text as text', () => {
    const crop = { text: `负债50万${ATTACK}上岸`, dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAA=' };
    const forged = { text: 'x', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' };
    const html = evidenceHtml({ ...evidence, imageCrops: [crop, forged] }, { ...strings, imageText: '图片中的文字' });
    const doc = parse(html);
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([evidence.screenshot, crop.dataUrl]);
    expect(doc.querySelector('figcaption.block')?.textContent).toBe(crop.text);
    expect(doc.body.textContent).toContain('图片中的文字');
    expect(html).not.toContain('data:text/html;base64,PHNjcmlwdD4=" ');
    expect(doc.querySelector('img[src^="data:text"]')).toBeNull();
  });

  it('escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows page text as text: <img onerror> is text, never an element', () => {
    const html = evidenceHtml(evidence, strings);
    const doc = parse(html);
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([evidence.screenshot]);
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

  it('forbids scripts and remote loads in the saved file, and lays it out for A4', () => {
    const html = evidenceHtml(evidence, strings);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/@media print/);
  });

  it('keeps the facts for machines in data without the images inline', () => {
    expect(evidenceData(evidence)).not.toHaveProperty('screenshot', PNG);
  });

  it('names files by the local time and the host', () => {
    expect(evidenceFileName(evidence)).toBe('fcs-guard-evidence-2026-12-08T0334-evil.example');
  });
});

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderScanPaused } from '../../src/popup/render';
import type { TabVerdict } from '../../src/shared/messages';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import en from '../../src/public/_locales/en/messages.json';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('../helpers/fake-i18n-browser')).englishBrowser }));

const t = (key: string) => `«${key}»`;
const view = (scanPaused?: boolean): TabVerdict => ({
  scanned: true,
  level: 'none',
  score: 0,
  flaggedBlocks: 0,
  antiFraudPage: false,
  reasons: [],
  lures: [],
  ...(scanPaused === undefined ? {} : { scanPaused }),
});

describe('popup line: scanning paused for performance', () => {
  beforeEach(() => {
    // the popup's own markup, so the test sees the element the page really has
    const html = readFileSync(resolve(__dirname, '../../src/popup/index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
  });

  const line = () => document.querySelector<HTMLElement>('[data-testid="scan-paused"]');

  it('is in the popup and hidden until a verdict says so', () => {
    expect(line()?.hidden).toBe(true);
  });

  it('shows while a frame is throttled and goes away when it is not', () => {
    renderScanPaused(document, view(true), t as never);
    expect(line()?.hidden).toBe(false);
    expect(line()?.textContent).toBe('«popupScanPaused»');
    renderScanPaused(document, view(false), t as never);
    expect(line()?.hidden).toBe(true);
    expect(line()?.textContent).toBe('');
  });

  it('stays hidden for a verdict without the field (an older worker)', () => {
    renderScanPaused(document, view(), t as never);
    expect(line()?.hidden).toBe(true);
  });

  it('sits with the verdict, before the check button, which it leaves alone', () => {
    renderScanPaused(document, view(true), t as never);
    const button = document.querySelector('[data-testid="check-page"]');
    expect(line()?.closest('.verdict')).not.toBeNull();
    expect(line()?.compareDocumentPosition(button as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('says it in plain words in both languages', () => {
    expect(zhCN.popupScanPaused.message).toBe('此页变化太快，为不拖慢浏览，检查已暂缓；稍后会继续。');
    expect(en.popupScanPaused.message).toMatch(/changes very fast/);
  });
});

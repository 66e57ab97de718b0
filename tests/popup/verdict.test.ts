// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageKind, renderVerdict } from '../../src/popup/render';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import type { MessageKey } from '../../src/shared/i18n';
import type { TabVerdict } from '../../src/shared/messages';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('../helpers/fake-i18n-browser')).englishBrowser }));

const zh = (key: MessageKey) => zhCN[key].message;
const english = (key: MessageKey) => en[key].message;
const base: TabVerdict = { scanned: true, level: 'none', score: 2, flaggedBlocks: 0, antiFraudPage: false, reasons: [], lures: [] };
const AD: TabVerdict = {
  ...base,
  level: 'high',
  score: 97,
  flaggedBlocks: 2,
  lures: [{ ruleId: 'prepay-fee', category: 'upfront-fee', title: '预缴服务费', points: 40, snippets: ['预缴服务费'] }],
};
const ARTICLE: TabVerdict = { ...base, antiFraudPage: true, reasons: ['quoted'], lures: [{ ...AD.lures[0], points: 0 } as TabVerdict['lures'][number]] };

const shown = (selector: string) => document.querySelector<HTMLElement>(selector)?.hidden === false;

describe('the popup’s verdict', () => {
  beforeEach(() => {
    const html = readFileSync(resolve(__dirname, '../../src/popup/index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
  });

  it.each<[string, TabVerdict, ReturnType<typeof pageKind>]>([
    ['not checked yet', { ...base, scanned: false }, 'unchecked'],
    ['nothing found', base, 'clean'],
    ['an anti-fraud article that quotes lures', ARTICLE, 'explained'],
    ['a few suspicious phrases, no warning', { ...base, level: 'low', score: 25, lures: AD.lures }, 'suspicious'],
    ['a warning', AD, 'warned'],
  ])('%s: %s', (_label, view, kind) => {
    expect(pageKind(view)).toBe(kind);
  });

  it('says the level and the likelihood in words, never the bare score or the level’s code', () => {
    renderVerdict(document, AD, zh);
    expect(document.querySelector('[data-testid="verdict"]')?.textContent).toBe(zhCN.levelHigh.message);
    expect(document.querySelector('[data-testid="likelihood"]')?.textContent).toBe(`${zhCN.popupLikelihood.message}${zhCN.likelihoodHigh.message}`);
    const text = document.querySelector('.verdict')?.textContent ?? '';
    expect(text).not.toMatch(/high|97/);
    renderVerdict(document, AD, english);
    expect(document.querySelector('[data-testid="likelihood"]')?.textContent).toBe(`${en.popupLikelihood.message} ${en.likelihoodHigh.message}`);
  });

  it('a warning: channels, evidence and the quiet “not a scam” disclosure, closed', () => {
    renderVerdict(document, AD, zh);
    expect(shown('.channels')).toBe(true);
    expect(shown('[data-testid="save-evidence"]')).toBe(true);
    expect(shown('[data-testid="decisions"]')).toBe(true);
    expect(document.querySelector<HTMLDetailsElement>('[data-testid="not-scam"]')?.open).toBe(false);
    expect(document.querySelector('[data-testid="check-page"]')?.classList.contains('secondary')).toBe(true);
  });

  it('a clean page: a calm “未发现” and 检查此页, nothing about allowing, saving or calling', () => {
    renderVerdict(document, base, zh);
    expect(document.querySelector('[data-testid="verdict"]')?.textContent).toBe(zhCN.levelNone.message);
    expect(document.querySelector('[data-testid="calm"]')?.textContent).toBe(zhCN.popupCleanNote.message);
    expect(shown('[data-testid="likelihood"]')).toBe(false);
    for (const part of ['.channels', '[data-testid="save-evidence"]', '[data-testid="decisions"]']) expect(shown(part), part).toBe(false);
    expect(document.querySelector('.verdict-box')?.getAttribute('data-level')).toBe('clean');
    expect(document.querySelector('[data-testid="check-page"]')?.classList.contains('secondary')).toBe(false);
  });

  it('says when the page tried to hide the warning, and nothing of the kind when it did not', () => {
    renderVerdict(document, { ...AD, tampered: { kinds: ['removed'], at: 1 } }, zh);
    expect(shown('[data-testid="tampered"]')).toBe(true);
    expect(document.querySelector('[data-testid="tampered"]')?.textContent).toBe(zhCN.popupTampered.message);
    renderVerdict(document, AD, zh);
    expect(shown('[data-testid="tampered"]')).toBe(false);
    expect(document.querySelector('[data-testid="tampered"]')?.textContent).toBe('');
  });

  it('an anti-fraud article: says why it did not warn, offers nothing to allow', () => {
    renderVerdict(document, ARTICLE, zh);
    expect(document.querySelector('[data-testid="anti-fraud"]')?.textContent).toContain(zhCN.popupAntiFraud.message);
    expect(document.querySelector('[data-testid="anti-fraud"]')?.textContent).toContain(zhCN.popupReasonQuoted.message);
    expect(shown('[data-testid="decisions"]')).toBe(false);
  });

  it('the “not a scam” disclosure holds two plain choices with a duration, an hour unless changed', () => {
    const section = document.querySelector('[data-testid="decisions"]') as HTMLElement;
    expect([...section.querySelectorAll('button')].map((b) => b.dataset.testid)).toEqual(['allow-page', 'allow-site']);
    expect(section.querySelector<HTMLInputElement>('input[name="allow-duration"]:checked')?.value).toBe('hour');
    expect(section.querySelectorAll('button').length + section.querySelectorAll('input').length).toBe(4);
  });
});

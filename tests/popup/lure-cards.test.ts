// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { liveLures, pickLures, renderLureCards } from '../../src/popup/lure-cards';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import type { MessageKey } from '../../src/shared/i18n';
import type { LureView, TabVerdict } from '../../src/shared/messages';
import { TEST_PACK } from '../helpers/test-pack';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('../helpers/fake-i18n-browser')).englishBrowser }));

const t = (key: MessageKey) => zhCN[key].message;
const lure = (ruleId: string, category: LureView['category'], points: number, snippets = [`${ruleId} 的原话`]): LureView => ({
  ruleId,
  category,
  title: `${ruleId} 标题`,
  points,
  snippets,
});
const VIEW: TabVerdict = {
  scanned: true,
  level: 'high',
  score: 90,
  flaggedBlocks: 1,
  antiFraudPage: false,
  reasons: [],
  lures: [
    lure('family-debt-relief-offer', 'debt-relief-offer', 100, ['安心债务咨询中心']),
    lure('family-false-promise', 'false-promise', 100),
    lure('refund-guarantee', 'false-promise', 55, ['不成功100%退费，签正规合同']),
    lure('debt-optimize', 'debt-relief-offer', 22, ['专注债务优化']),
    lure('prepay-fee', 'upfront-fee', 40, ['预缴服务费', '先交定金']),
    lure('add-wechat', 'off-platform', 25, ['加微信']),
    lure('unused', 'data-harvest', 0),
  ],
};

const cards = () => [...document.querySelectorAll<HTMLElement>('.top [data-testid="lure"]')];
const visible = (root: Element) =>
  [...root.querySelectorAll('h3, p, dl')].filter((n) => !n.closest('details:not([open])')).map((n) => n.textContent).join('\n');

describe('which lures the popup explains first', () => {
  it('one per family, the strongest families first; a rule quoting the ad before the family the model read', () => {
    const { top, rest } = pickLures(liveLures(VIEW));
    expect(top.map((l) => l.ruleId)).toEqual(['refund-guarantee', 'debt-optimize', 'prepay-fee']);
    expect(rest.map((l) => l.ruleId)).toEqual(['family-debt-relief-offer', 'family-false-promise', 'add-wechat']);
  });

  it('a family the model read stands for its family when no rule of it matched', () => {
    const only = pickLures([lure('family-off-platform', 'off-platform', 80)]);
    expect(only.top.map((l) => l.ruleId)).toEqual(['family-off-platform']);
  });

  it('leaves out lures that did not count on a page that warned, and keeps them on one that did not (to say why)', () => {
    expect(liveLures(VIEW).map((l) => l.ruleId)).not.toContain('unused');
    expect(liveLures({ ...VIEW, flaggedBlocks: 0 }).map((l) => l.ruleId)).toContain('unused');
  });
});

describe('the lure cards', () => {
  beforeEach(() => {
    const html = readFileSync(resolve(__dirname, '../../src/popup/index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
  });

  it('answer first: the ad’s own words → what it really means → what to do, in view', () => {
    renderLureCards(document, VIEW, TEST_PACK, t);
    const [first] = cards();
    expect(first?.dataset.ruleId).toBe('refund-guarantee');
    const parts = [...(first?.children ?? [])].map((c) => c.className || c.localName);
    expect(parts).toEqual(['h3', 'own-words', 'means', 'todo', 'details']);
    expect(first?.querySelector('.own-words q')?.textContent).toBe('不成功100%退费，签正规合同');
    expect(first?.querySelector('.means')?.textContent).toBe(`${zhCN.popupReality.message}：实际发生的事情`);
    expect(first?.querySelector('.todo')?.textContent).toBe(`${zhCN.popupAdvice.message}：应该怎么做才安全`);
  });

  it('keeps what the ad claims, its other words and “stop warning” behind “更多说明”', () => {
    renderLureCards(document, VIEW, TEST_PACK, t);
    const prepay = cards().find((c) => c.dataset.ruleId === 'prepay-fee') as HTMLElement;
    const more = prepay.querySelector<HTMLDetailsElement>(':scope > details[data-testid="more"]');
    expect(more?.open).toBe(false);
    expect(more?.querySelector('summary')?.textContent).toBe(zhCN.plainMore.message);
    expect(more?.textContent).toContain('广告声称的内容');
    expect(more?.textContent).toContain('先交定金');
    expect(visible(prepay)).not.toContain('先交定金');
    const mute = prepay.querySelector<HTMLButtonElement>('[data-testid="mute-rule"]');
    expect(mute?.closest('details')).toBe(more);
    expect(mute?.dataset.ruleId).toBe('prepay-fee');
  });

  it('puts the other lures behind one disclosure that says how many', () => {
    renderLureCards(document, VIEW, TEST_PACK, t);
    const others = document.querySelector<HTMLDetailsElement>('[data-testid="more-lures"]');
    expect(others?.hidden).toBe(false);
    expect(others?.open).toBe(false);
    expect(others?.querySelector('summary')?.textContent).toBe(zhCN.popupMoreLures.message.replace('{count}', '3'));
    expect(others?.querySelectorAll('[data-testid="lure"]')).toHaveLength(3);
  });

  it('plain words: the family’s plain sentences instead of the rule text, which waits behind “更多说明”', () => {
    renderLureCards(document, VIEW, TEST_PACK, t, true);
    const plain = [...document.querySelectorAll('.top [data-testid="plain-explain"]')].map((p) => p.textContent);
    expect(plain).toEqual([zhCN.plainFalsePromise.message, zhCN.plainDebtReliefOffer.message, zhCN.plainUpfrontFee.message]);
    const shown = visible(document.querySelector('.top') as Element);
    expect(shown).not.toContain('实际发生的事情');
    expect([...document.querySelectorAll('[data-testid="lure"] dl')].every((dl) => dl.closest('details:not([open])'))).toBe(true);
  });

  it('an anti-fraud article: every lure it quotes behind the disclosure, under its own heading', () => {
    renderLureCards(document, { ...VIEW, flaggedBlocks: 0, antiFraudPage: true }, TEST_PACK, t, false, true);
    expect(cards()).toHaveLength(0);
    expect(document.getElementById('lures-heading')?.textContent).toBe(zhCN.popupQuotedLures.message);
    expect(document.querySelectorAll('[data-testid="more-lures"] [data-testid="lure"]')).toHaveLength(VIEW.lures.length);
  });

  it('keeps a card’s opened details open when the tab reports again', () => {
    renderLureCards(document, VIEW, TEST_PACK, t);
    const details = () => cards()[0]?.querySelector<HTMLDetailsElement>(':scope > details');
    (details() as HTMLDetailsElement).open = true;
    renderLureCards(document, VIEW, TEST_PACK, t);
    expect(details()?.open).toBe(true);
  });

  it('page text stays text', () => {
    renderLureCards(document, { ...VIEW, lures: [lure('prepay-fee', 'upfront-fee', 40, ['<img src=x onerror="alert(1)">'])] }, TEST_PACK, t);
    expect(document.querySelector('.lures img')).toBeNull();
    expect(document.querySelector('.own-words q')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});

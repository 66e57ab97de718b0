// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderLures } from '../../src/popup/render';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import type { MessageKey } from '../../src/shared/i18n';
import type { TabVerdict } from '../../src/shared/messages';
import { TEST_PACK } from '../helpers/test-pack';

const t = (key: MessageKey) => zhCN[key].message;
const VIEW: TabVerdict = {
  scanned: true,
  level: 'high',
  score: 90,
  flaggedBlocks: 1,
  antiFraudPage: false,
  reasons: [],
  lures: [
    { ruleId: 'prepay-fee', category: 'upfront-fee', title: '预缴服务费', points: 40, snippets: ['预缴服务费'] },
    { ruleId: 'add-wechat', category: 'off-platform', title: '加微信', points: 25, snippets: ['加微信'] },
  ],
};
const section = () => document.querySelector<HTMLElement>('[data-testid="lures"]');
const visibleText = (root: Element) =>
  [...root.querySelectorAll('h3, h4, p, dl')].filter((n) => !n.closest('details:not([open])')).map((n) => n.textContent).join('\n');

describe('popup explanation in plain words', () => {
  beforeEach(() => {
    document.body.innerHTML = '<section data-testid="lures" hidden><h2 id="lures-heading"></h2></section>';
  });

  it('detailed (the default): claim, reality and advice of each rule in view, no plain sentences', () => {
    renderLures(document, VIEW, TEST_PACK, t);
    expect(document.querySelector('[data-testid="plain-explain"]')).toBeNull();
    expect(document.querySelector('details')).toBeNull();
    expect(visibleText(section() as HTMLElement)).toContain('实际发生的事情');
  });

  it('plain: one plain pair of sentences per category in view, the rule text behind "more"', () => {
    renderLures(document, VIEW, TEST_PACK, t, true);
    const plain = [...document.querySelectorAll('[data-testid="plain-explain"]')];
    expect(plain.map((p) => p.closest('section')?.dataset.category)).toEqual(['upfront-fee', 'off-platform']);
    expect(plain.map((p) => p.textContent)).toEqual([zhCN.plainUpfrontFee.message, zhCN.plainOffPlatform.message]);
    const shown = visibleText(section() as HTMLElement);
    expect(shown).toContain(zhCN.plainUpfrontFee.message);
    expect(shown).not.toContain('实际发生的事情');
    const more = [...document.querySelectorAll<HTMLDetailsElement>('details[data-testid="more"]')];
    expect(more).toHaveLength(2);
    expect(more[0]?.querySelector('summary')?.textContent).toBe(zhCN.plainMore.message);
    expect(more[0]?.textContent).toContain('实际发生的事情');
    // the mute button stays in reach
    expect(document.querySelectorAll('[data-testid="mute-rule"]')).toHaveLength(2);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderDecisions } from '../../src/options/decision-list';
import { renderGeneral } from '../../src/options/general';
import { allowUrl, muteRule } from '../../src/shared/decisions';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { TEST_PACK } from '../helpers/test-pack';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import en from '../../src/public/_locales/en/messages.json';
import type { MessageKey } from '../../src/shared/i18n';
import { problemParts, showParts } from '../../src/options/text-parts';
import { problem } from '../../src/engine/issue-text';

const zh = (key: MessageKey) => zhCN[key].message;
const english = (key: MessageKey) => en[key].message;

const t = (key: string) => `[${key}]`;
const NOW = 1_800_000_000_000;

describe('options page', () => {
  it('lists every decision with an undo button that names it', () => {
    document.body.innerHTML = '<p data-testid="no-decisions"></p><ul data-testid="decision-list"></ul>';
    let settings = allowUrl(DEFAULT_SETTINGS, 'https://a.example/x', 'site', 'hour', NOW);
    settings = muteRule(settings, 'add-wechat');
    const undo = vi.fn();
    renderDecisions(document, settings, TEST_PACK, t as never, undo, NOW);
    const items = [...document.querySelectorAll('[data-testid="decision"]')];
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('a.example'),
      expect.stringContaining('加微信 (add-wechat)'),
    ]);
    // the rule's id is the pack's identifier, shown as code
    expect(items[1]?.querySelector('code')?.textContent).toBe('add-wechat');
    // the expiry in the UI's language on a 24-hour clock
    renderDecisions(document, settings, TEST_PACK, english, undo, NOW);
    expect(document.querySelector('[data-testid="decision"] .what')?.textContent).toMatch(/until \d{2}:\d{2}$/);
    expect((document.querySelector('[data-testid="no-decisions"]') as HTMLElement).hidden).toBe(true);
    const button = items[1]?.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toContain('add-wechat');
    button.click();
    expect(undo).toHaveBeenCalledWith({ kind: 'mute', value: 'add-wechat', until: null });
  });

  it('offers the three sensitivity levels of the scorer, plus a custom one when imported', () => {
    document.body.innerHTML = '<input data-testid="auto-warn" type="checkbox"><input data-testid="large-text" type="checkbox"><fieldset data-testid="sensitivity"><div class="levels"></div></fieldset>';
    const save = vi.fn();
    renderGeneral(document, { ...DEFAULT_SETTINGS, threshold: 55 }, t as never, save);
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="threshold"]')];
    expect(radios.map((r) => r.value)).toEqual(['20', '40', '70', '55']);
    expect(radios.find((r) => r.checked)?.value).toBe('55');
    radios[2]?.click();
    expect(save).toHaveBeenCalledWith({ threshold: 70 });
    (document.querySelector('[data-testid="large-text"]') as HTMLInputElement).click();
    expect(save).toHaveBeenCalledWith({ largeText: true });
  });

  it('explains the levels in plain words, without the score, when the mode is on', () => {
    document.body.innerHTML = '<fieldset data-testid="sensitivity"><div class="levels"></div></fieldset>';
    const explains = () => [...document.querySelectorAll('.levels .explain')].map((e) => e.textContent);
    renderGeneral(document, DEFAULT_SETTINGS, t as never, vi.fn());
    // the threshold is a probability: said as a chance in percent, never as a score out of 100
    expect(explains()).toEqual(['[optLevelLowExplain] [optLevelAt]', '[optLevelMediumExplain] [optLevelAt]', '[optLevelHighExplain] [optLevelAt]']);
    const zhExplains = () => renderGeneral(document, DEFAULT_SETTINGS, zh, vi.fn());
    zhExplains();
    expect(explains()[1]).toBe(`${zhCN.optLevelMediumExplain.message}${zhCN.optLevelAt.message.replace('{percent}', '40')}`);
    renderGeneral(document, { ...DEFAULT_SETTINGS, largeText: true }, t as never, vi.fn());
    expect(explains()).toEqual(['[optLevelLowExplainPlain]', '[optLevelMediumExplainPlain]', '[optLevelHighExplainPlain]']);
    expect(document.body.classList.contains('large')).toBe(true);
  });

  it('offers the UI language: follow the browser, 中文 or English; a click saves it', () => {
    document.body.innerHTML = ['auto', 'zh_CN', 'en'].map((v) => `<input type="radio" name="language" value="${v}" data-testid="language-${v}">`).join('');
    const save = vi.fn();
    renderGeneral(document, { ...DEFAULT_SETTINGS, language: 'en' }, t as never, save);
    const checked = () => document.querySelector<HTMLInputElement>('input[name="language"]:checked')?.value;
    expect(checked()).toBe('en');
    document.querySelector<HTMLInputElement>('[data-testid="language-zh_CN"]')?.click();
    expect(save).toHaveBeenCalledWith({ language: 'zh_CN' });
    renderGeneral(document, DEFAULT_SETTINGS, t as never, save);
    expect(checked()).toBe('auto');
  });

  it('says where a file is wrong and what is wrong in the UI language, the file’s own names as code', () => {
    const where = { line: 7, field: 'weight', ruleId: 'custom-zwx-escort', problem: 'expected a number', detail: problem('expectedType', { type: 'number', name: 'number' }) };
    const status = document.createElement('p');
    showParts(status, problemParts(where, zh));
    expect(status.textContent).toBe('第 7 行，字段 weight，规则 custom-zwx-escort：应该是数字。');
    expect([...status.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['weight', 'custom-zwx-escort']);
    showParts(status, problemParts(where, english));
    expect(status.textContent).toBe('line 7, field weight, rule custom-zwx-escort: should be a number.');
    showParts(status, problemParts({ line: 3, field: '(json)', problem: 'x', detail: problem('jsonEndsEarly') }, zh));
    expect(status.textContent).toBe(`第 3 行，${zhCN.optFieldJson.message}：${zhCN.problemJsonEndsEarly.message}。`);
  });
});

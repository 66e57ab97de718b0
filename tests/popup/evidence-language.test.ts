import { afterEach, describe, expect, it, vi } from 'vitest';
import { evidenceStrings } from '../../src/popup/save-evidence';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import { setLanguage, t } from '../../src/shared/i18n';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('../helpers/fake-i18n-browser')).englishBrowser }));

describe('evidence report language', () => {
  afterEach(() => setLanguage('auto'));

  it('follows the language setting (an English browser here), and stays detailed: it is for the police', () => {
    expect(evidenceStrings(t)).toMatchObject({ heading: en.evidenceHeading.message, advice: en.popupAdvice.message, lang: 'en' });
    setLanguage('zh_CN');
    const strings = evidenceStrings(t);
    expect(strings).toMatchObject({ heading: zhCN.evidenceHeading.message, reality: zhCN.popupReality.message, lang: 'zh-CN' });
    expect(strings.steps).toEqual([zhCN.evidenceStep110, zhCN.evidenceStep12378, zhCN.evidenceStepApp, zhCN.evidenceStepBank, zhCN.evidenceStepKeep].map((m) => m.message));
  });
});

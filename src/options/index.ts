/** Options entry: wires the sections to storage.local and keeps them current. */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import { CUSTOM_RULES_KEY, loadCustomRules, loadEffectivePack } from '../shared/custom-rules';
import { undoDecision } from '../shared/decisions';
import { localizePage, setLanguage, t } from '../shared/i18n';
import { fill } from '../shared/message-format';
import { loadSettings, SETTINGS_KEY } from '../shared/settings';
import { updateSettings } from '../shared/settings';
import { setUpCustomRules } from './custom-rules-form';
import { renderDecisions } from './decision-list';
import { renderGeneral } from './general';
import { codeList, problemParts } from './text-parts';
import { setUpTransfer } from './transfer';

const area = browser.storage.local;
const generalStatus = document.querySelector<HTMLElement>('[data-testid="general-status"]');

// functions and getters, not values: the language can change while the page is open
const customRules = setUpCustomRules(document, area, pack, {
  imported: (ids) => [fill(t('optRulesImported'), { count: ids.length }), ' ', ...codeList(ids, t)],
  failed: (problem) => [t('optRulesFailed'), ' ', ...problemParts(problem, t), ' ', t('optRulesKept')],
  active: (fileName, ids) => [t('optRulesActive'), ' ', { code: fileName }, ' (', ...codeList(ids, t), ')'],
  get none() { return t('optRulesNone'); },
  get removed() { return t('optRulesRemoved'); },
});

setUpTransfer(document, area, pack, {
  get imported() { return t('optImported'); },
  failed: (problem) => [t('optImportFailed'), ' ', ...problemParts(problem, t)],
});

async function render(): Promise<void> {
  const [settings, stored] = [await loadSettings(area), await loadCustomRules(area)];
  const effective = await loadEffectivePack(area, pack);
  setLanguage(settings.language);
  localizePage(document, settings.largeText);
  renderGeneral(document, settings, t, (change) => {
    // "saved" in the language just chosen
    if (change.language) setLanguage(change.language);
    void updateSettings(area, (s) => ({ ...s, ...change })).then(() => {
      if (generalStatus) generalStatus.textContent = t('optSaved');
    });
  });
  renderDecisions(document, settings, effective, t, (decision) => void updateSettings(area, (s) => undoDecision(s, decision)));
  customRules.render(stored);
}

// the browser's language at once, so the page is never blank; render() applies the setting
localizePage(document);
area.onChanged.addListener((changes) => {
  if (SETTINGS_KEY in changes || CUSTOM_RULES_KEY in changes) void render();
});
void render();

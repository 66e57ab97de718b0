/** Auto-warning, sensitivity (the warning threshold in plain words), large text / plain words and the UI language. */
import { LEVEL_FLOORS } from '../engine/score';
import type { MessageKey } from '../shared/i18n';
import { fill, speaksChinese } from '../shared/message-format';
import { LANGUAGE_CHOICES, type Settings } from '../shared/settings';

type Translate = (key: MessageKey) => string;

interface Level {
  threshold: number;
  label: MessageKey;
  explain: MessageKey;
  /** the explanation in plain-words mode, without the score */
  plain: MessageKey;
}

const LEVELS: readonly Level[] = [
  { threshold: LEVEL_FLOORS.low, label: 'optLevelLow', explain: 'optLevelLowExplain', plain: 'optLevelLowExplainPlain' },
  { threshold: LEVEL_FLOORS.medium, label: 'optLevelMedium', explain: 'optLevelMediumExplain', plain: 'optLevelMediumExplainPlain' },
  { threshold: LEVEL_FLOORS.high, label: 'optLevelHigh', explain: 'optLevelHighExplain', plain: 'optLevelHighExplainPlain' },
];

function renderLanguage(doc: Document, settings: Settings, save: (change: Partial<Settings>) => void): void {
  for (const choice of LANGUAGE_CHOICES) {
    const radio = doc.querySelector<HTMLInputElement>(`[data-testid="language-${choice}"]`);
    if (!radio) continue;
    radio.checked = settings.language === choice;
    radio.onchange = () => radio.checked && save({ language: choice });
  }
}

export function renderGeneral(doc: Document, settings: Settings, t: Translate, save: (change: Partial<Settings>) => void): void {
  const autoWarn = doc.querySelector<HTMLInputElement>('[data-testid="auto-warn"]');
  const largeText = doc.querySelector<HTMLInputElement>('[data-testid="large-text"]');
  const levels = doc.querySelector<HTMLElement>('[data-testid="sensitivity"] .levels');
  if (autoWarn) {
    autoWarn.checked = settings.autoWarn;
    autoWarn.onchange = () => save({ autoWarn: autoWarn.checked });
  }
  if (largeText) {
    largeText.checked = settings.largeText;
    largeText.onchange = () => save({ largeText: largeText.checked });
  }
  doc.body.classList.toggle('large', settings.largeText);
  renderLanguage(doc, settings, save);
  if (!levels) return;
  levels.replaceChildren();
  const choices = [...LEVELS];
  if (!choices.some((c) => c.threshold === settings.threshold)) {
    choices.push({ threshold: settings.threshold, label: 'optLevelCustom', explain: 'optLevelCustomExplain', plain: 'optLevelCustomExplainPlain' });
  }
  for (const choice of choices) {
    const label = doc.createElement('label');
    const radio = doc.createElement('input');
    radio.type = 'radio';
    radio.name = 'threshold';
    radio.value = String(choice.threshold);
    radio.checked = choice.threshold === settings.threshold;
    radio.dataset.testid = `threshold-${choice.threshold}`;
    radio.onchange = () => radio.checked && save({ threshold: choice.threshold });
    const title = doc.createElement('strong');
    title.textContent = ` ${t(choice.label)}`;
    const explain = doc.createElement('span');
    explain.className = 'explain';
    // plain words (with large text) leave the number out; the threshold is a probability ×100
    const at = fill(t('optLevelAt'), { percent: choice.threshold });
    explain.textContent = settings.largeText ? t(choice.plain) : `${t(choice.explain)}${speaksChinese(t) ? '' : ' '}${at}`;
    label.append(radio, title, explain);
    levels.append(label);
  }
}

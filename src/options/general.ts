/** Auto-warning, sensitivity (the warning threshold in plain words) and large text. */
import { LEVEL_FLOORS } from '../engine/score';
import type { MessageKey } from '../shared/i18n';
import type { Settings } from '../shared/settings';

type Translate = (key: MessageKey) => string;

const LEVELS: readonly { threshold: number; label: MessageKey; explain: MessageKey }[] = [
  { threshold: LEVEL_FLOORS.low, label: 'optLevelLow', explain: 'optLevelLowExplain' },
  { threshold: LEVEL_FLOORS.medium, label: 'optLevelMedium', explain: 'optLevelMediumExplain' },
  { threshold: LEVEL_FLOORS.high, label: 'optLevelHigh', explain: 'optLevelHighExplain' },
];

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
  if (!levels) return;
  levels.replaceChildren();
  const choices = [...LEVELS];
  if (!choices.some((c) => c.threshold === settings.threshold)) {
    choices.push({ threshold: settings.threshold, label: 'optLevelCustom', explain: 'optLevelCustomExplain' });
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
    explain.textContent = `${t(choice.explain)} (${choice.threshold}/100)`;
    label.append(radio, title, explain);
    levels.append(label);
  }
}

/** Every decision in force, each with an undo button. */
import { familyOf } from '../engine/explain';
import type { CompiledPack } from '../engine/types';
import { listDecisions, type Decision } from '../shared/decisions';
import type { MessageKey } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { showParts, type Part } from './text-parts';

type Translate = (key: MessageKey) => string;

/** the time in the UI's language, not the browser's: a Chinese UI on an English browser says 15:30, not 3:30 PM */
function clockTime(at: number, language: string): string {
  const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  try {
    return new Date(at).toLocaleTimeString(language, options);
  } catch {
    return new Date(at).toLocaleTimeString(undefined, options);
  }
}

function describe(decision: Decision, pack: CompiledPack, t: Translate): Part[] {
  if (decision.kind === 'mute') {
    const family = familyOf(decision.value);
    const title = family ? pack.families?.[family]?.title : pack.rules.find((r) => r.id === decision.value)?.title;
    return title ? [`${t('optMutedRule')} ${title} (`, { code: decision.value }, ')'] : [`${t('optMutedRule')} `, { code: decision.value }];
  }
  const what = `${t(decision.scope === 'site' ? 'optAllowedSite' : 'optAllowedPage')} ${decision.value}`;
  const until = decision.until === null ? t('optAlways') : `${t('optUntil')} ${clockTime(decision.until, t('uiLang'))}`;
  return [`${what} · ${until}`];
}

const plainText = (parts: readonly Part[]) => parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');

export function renderDecisions(
  doc: Document,
  settings: Settings,
  pack: CompiledPack,
  t: Translate,
  undo: (decision: Decision) => void,
  now = Date.now(),
): void {
  const list = doc.querySelector<HTMLElement>('[data-testid="decision-list"]');
  const empty = doc.querySelector<HTMLElement>('[data-testid="no-decisions"]');
  if (!list) return;
  const decisions = listDecisions(settings, now);
  if (empty) empty.hidden = decisions.length > 0;
  list.replaceChildren();
  for (const decision of decisions) {
    const item = doc.createElement('li');
    item.dataset.testid = 'decision';
    item.dataset.kind = decision.kind;
    item.dataset.value = decision.value;
    const what = doc.createElement('span');
    what.className = 'what';
    const parts = describe(decision, pack, t);
    showParts(what, parts);
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.dataset.testid = 'undo-decision';
    button.textContent = t('optUndo');
    button.setAttribute('aria-label', `${t('optUndo')}: ${plainText(parts)}`);
    button.addEventListener('click', () => undo(decision));
    item.append(what, button);
    list.append(item);
  }
}

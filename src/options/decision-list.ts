/** Every decision in force, each with an undo button. */
import { familyOf } from '../engine/explain';
import type { CompiledPack } from '../engine/types';
import { listDecisions, type Decision } from '../shared/decisions';
import type { MessageKey } from '../shared/i18n';
import type { Settings } from '../shared/settings';

type Translate = (key: MessageKey) => string;

function describe(decision: Decision, pack: CompiledPack, t: Translate): string {
  if (decision.kind === 'mute') {
    const family = familyOf(decision.value);
    const title = family ? pack.families?.[family]?.title : pack.rules.find((r) => r.id === decision.value)?.title;
    return `${t('optMutedRule')} ${title ? `${title} (${decision.value})` : decision.value}`;
  }
  const what = `${t(decision.scope === 'site' ? 'optAllowedSite' : 'optAllowedPage')} ${decision.value}`;
  const until =
    decision.until === null
      ? t('optAlways')
      : `${t('optUntil')} ${new Date(decision.until).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
  return `${what} · ${until}`;
}

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
    what.textContent = describe(decision, pack, t);
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.dataset.testid = 'undo-decision';
    button.textContent = t('optUndo');
    button.setAttribute('aria-label', `${t('optUndo')}: ${what.textContent}`);
    button.addEventListener('click', () => undo(decision));
    item.append(what, button);
    list.append(item);
  }
}

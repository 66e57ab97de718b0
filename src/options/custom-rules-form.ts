/**
 * Custom rules from a file: validated and compiled here with the same schema and compiler as
 * the built-in pack. On any problem the message names the line and field, and the rules that
 * were active stay active (nothing is written).
 */
import type { CompiledPack } from '../engine/types';
import { compileCustomRules, CUSTOM_RULES_KEY, type CustomRulesProblem, type StoredCustomRules } from '../shared/custom-rules';
import type { KeyValueArea } from '../shared/storage-area';
import { showParts, type Part } from './text-parts';

export interface CustomRulesText {
  imported(ids: readonly string[]): Part[];
  failed(problem: CustomRulesProblem): Part[];
  active(fileName: string, ids: readonly string[]): Part[];
  none: string;
  removed: string;
}

export function setUpCustomRules(
  doc: Document,
  area: KeyValueArea,
  builtin: CompiledPack,
  text: CustomRulesText,
): { render(stored: StoredCustomRules | undefined): void } {
  const input = doc.querySelector<HTMLInputElement>('[data-testid="rules-file"]');
  const status = doc.querySelector<HTMLElement>('[data-testid="rules-status"]');
  const active = doc.querySelector<HTMLElement>('[data-testid="rules-active"]');
  const remove = doc.querySelector<HTMLButtonElement>('[data-testid="remove-rules"]');
  const say = (message: readonly Part[], state: 'ok' | 'error') => {
    if (!status) return;
    showParts(status, message);
    status.dataset.state = state;
  };

  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const result = compileCustomRules(await file.text(), file.name, builtin);
    input.value = '';
    if (!result.ok) {
      say(text.failed(result.error), 'error');
      return;
    }
    await area.set({ [CUSTOM_RULES_KEY]: result.stored });
    say(text.imported(result.stored.ruleIds), 'ok');
  });
  remove?.addEventListener('click', async () => {
    await area.remove(CUSTOM_RULES_KEY);
    say([text.removed], 'ok');
  });

  return {
    render(stored) {
      if (active) showParts(active, stored ? text.active(stored.fileName, stored.ruleIds) : [text.none]);
      if (remove) remove.hidden = !stored;
    },
  };
}

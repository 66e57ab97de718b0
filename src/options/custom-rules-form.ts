/**
 * Custom rules from a file: validated and compiled here with the same schema and compiler as
 * the built-in pack. On any problem the message names the line and field, and the rules that
 * were active stay active (nothing is written).
 */
import type { CompiledPack } from '../engine/types';
import { compileCustomRules, CUSTOM_RULES_KEY, type CustomRulesProblem, type StoredCustomRules } from '../shared/custom-rules';
import type { KeyValueArea } from '../shared/storage-area';

export interface CustomRulesText {
  imported(count: number, ids: string): string;
  failed(problem: CustomRulesProblem): string;
  active(fileName: string, ids: string): string;
  none: string;
  removed: string;
}

export function describeProblem(problem: CustomRulesProblem, words: { line: string; field: string; rule: string }): string {
  const where = [
    problem.line !== undefined ? `${words.line} ${problem.line}` : undefined,
    `${words.field} "${problem.field}"`,
    problem.ruleId !== undefined ? `${words.rule} "${problem.ruleId}"` : undefined,
  ].filter(Boolean);
  return `${where.join(', ')}: ${problem.problem}`;
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
  const say = (message: string, state: 'ok' | 'error') => {
    if (!status) return;
    status.textContent = message;
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
    say(text.imported(result.stored.ruleIds.length, result.stored.ruleIds.join(', ')), 'ok');
  });
  remove?.addEventListener('click', async () => {
    await area.remove(CUSTOM_RULES_KEY);
    say(text.removed, 'ok');
  });

  return {
    render(stored) {
      if (active) active.textContent = stored ? text.active(stored.fileName, stored.ruleIds.join(', ')) : text.none;
      if (remove) remove.hidden = !stored;
    },
  };
}

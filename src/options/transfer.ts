/** Export all settings to a JSON file; import one back (validated in full; a bad file changes nothing). */
import type { CompiledPack } from '../engine/types';
import { CUSTOM_RULES_KEY, loadCustomRules } from '../shared/custom-rules';
import { exportSettings, importSettings, type SettingsImportProblem } from '../shared/settings-transfer';
import { loadSettings, saveSettings } from '../shared/settings';
import type { KeyValueArea } from '../shared/storage-area';
import { showParts, type Part } from './text-parts';

export interface TransferText {
  imported: string;
  failed(problem: SettingsImportProblem): Part[];
}

export function setUpTransfer(doc: Document, area: KeyValueArea, builtin: CompiledPack, text: TransferText): void {
  const exportButton = doc.querySelector<HTMLButtonElement>('[data-testid="export-settings"]');
  const input = doc.querySelector<HTMLInputElement>('[data-testid="settings-file"]');
  const status = doc.querySelector<HTMLElement>('[data-testid="transfer-status"]');

  exportButton?.addEventListener('click', async () => {
    const json = exportSettings(await loadSettings(area), await loadCustomRules(area));
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = `fcs-guard-settings-${new Date().toISOString().slice(0, 10)}.json`;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });

  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file || !status) return;
    const result = importSettings(await file.text(), builtin);
    input.value = '';
    if (!result.ok) {
      showParts(status, text.failed(result));
      status.dataset.state = 'error';
      return;
    }
    await saveSettings(area, result.settings);
    if (result.customRules) await area.set({ [CUSTOM_RULES_KEY]: result.customRules });
    else await area.remove(CUSTOM_RULES_KEY);
    status.textContent = text.imported;
    status.dataset.state = 'ok';
  });
}

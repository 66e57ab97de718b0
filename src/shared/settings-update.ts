import { loadSettings, saveSettings, type Settings } from './settings';
import type { KeyValueArea } from './storage-area';

/** Read, change and save the settings (extension pages and the background; never a content script). */
export async function updateSettings(area: KeyValueArea, change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings(area));
  await saveSettings(area, next);
  return next;
}

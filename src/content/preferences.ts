/** The few settings the content script needs, kept current from storage.local. */
import { browser } from '../shared/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

export interface ContentPreferences {
  current(): Settings;
}

export function watchPreferences(signal: AbortSignal): ContentPreferences {
  let settings = parseSettings(undefined);
  const area = browser.storage.local;
  void area.get(SETTINGS_KEY).then(
    (stored) => (settings = parseSettings(stored[SETTINGS_KEY])),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SETTINGS_KEY in changes) settings = parseSettings(changes[SETTINGS_KEY]?.newValue);
  };
  area.onChanged.addListener(listener);
  signal.addEventListener('abort', () => area.onChanged.removeListener(listener));
  return { current: () => settings };
}

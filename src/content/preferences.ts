/** The few settings the content script needs, kept current from storage.local. */
import { browser } from '../shared/browser';
import { setLanguage } from '../shared/i18n';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

export interface ContentPreferences {
  current(): Settings;
  /** settles once the stored settings were read (or could not be) */
  readonly ready: Promise<void>;
}

/** Also applies the `language` setting to this context's strings; `onChange` runs after a stored change. */
export function watchPreferences(signal: AbortSignal, onChange?: (settings: Settings, previous: Settings) => void): ContentPreferences {
  // the schema is built when the stored settings arrive, in a task of its own, not while this
  // script is evaluated (it starts in every frame of every page)
  let settings = DEFAULT_SETTINGS;
  const area = browser.storage.local;
  const apply = (raw: unknown) => {
    settings = parseSettings(raw);
    setLanguage(settings.language);
  };
  const ready = area.get(SETTINGS_KEY).then(
    (stored) => apply(stored[SETTINGS_KEY]),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (!(SETTINGS_KEY in changes)) return;
    const previous = settings;
    apply(changes[SETTINGS_KEY]?.newValue);
    onChange?.(settings, previous);
  };
  if (!signal.aborted) {
    area.onChanged.addListener(listener);
    signal.addEventListener('abort', () => area.onChanged.removeListener(listener));
  }
  return { current: () => settings, ready };
}

/**
 * Which parts of a stored settings object did not validate and were replaced by defaults (or
 * lost items), so the popup and options page can say so instead of silently forgetting a
 * user's allow list. `parseSettings` already keeps every part that still validates.
 */
import { parseSettings, SETTINGS_KEY, SettingsSchema } from './settings';
import type { KeyValueArea } from './storage-area';

/** Field names of `raw` that `parseSettings` had to change; ['settings'] when it is not an object at all. */
export function settingsRepairs(raw: unknown): string[] {
  if (raw === undefined) return []; // never saved: defaults are no repair
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [SETTINGS_KEY];
  const parsed = parseSettings(raw) as Record<string, unknown>;
  const stored = raw as Record<string, unknown>;
  return Object.keys(SettingsSchema.shape).filter(
    (field) => field in stored && JSON.stringify(stored[field]) !== JSON.stringify(parsed[field]),
  );
}

/** The repairs the stored settings need right now, for a notice. */
export async function storedSettingsRepairs(area: KeyValueArea): Promise<string[]> {
  const stored = await area.get(SETTINGS_KEY);
  return settingsRepairs(stored[SETTINGS_KEY]);
}

/** "Not a scam" from the banner: saved for the sender's page or site, as the popup would. */
import { allowUrl, type AllowDuration, type AllowScope } from '../shared/decisions';
import { loadSettings, saveSettings } from '../shared/settings';
import type { KeyValueArea } from '../shared/storage-area';

export async function decideFromBanner(
  area: KeyValueArea,
  url: string | undefined,
  decision: { scope: AllowScope; duration: AllowDuration },
  now = Date.now(),
): Promise<void> {
  const settings = await loadSettings(area);
  const next = allowUrl(settings, url, decision.scope, decision.duration, now);
  if (next !== settings) await saveSettings(area, next);
}

/** "Not a scam" from the banner: saved for the sender's page or site, as the popup would. */
import { LURE_CATEGORIES } from '../engine/pack-schema';
import { familyMuteId } from '../engine/score';
import type { CompiledPack } from '../engine/types';
import { allowUrl, muteRule, type AllowDuration, type AllowScope } from '../shared/decisions';
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

/** "Mute this rule" (or this family) from the banner; only ids of the pack in use, or of a family, are accepted. */
export async function muteFromBanner(area: KeyValueArea, pack: CompiledPack, ruleId: string): Promise<void> {
  const known = pack.rules.some((rule) => rule.id === ruleId) || LURE_CATEGORIES.some((category) => familyMuteId(category) === ruleId);
  if (!known) return;
  const settings = await loadSettings(area);
  const next = muteRule(settings, ruleId);
  if (next !== settings) await saveSettings(area, next);
}

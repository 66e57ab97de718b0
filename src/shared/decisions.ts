/**
 * The user's scoped decisions: "not a scam" for a page or a site (for an hour or always) and
 * "mute this rule". Pure functions over Settings, shared by the background, popup and options.
 */
import { HostnameSchema, PageUrlSchema, RuleIdSchema, type Settings } from './settings';

export const HOUR_MS = 60 * 60 * 1000;

export type AllowScope = 'page' | 'site';
export type AllowDuration = 'hour' | 'always';

export type Decision =
  | { kind: 'allow'; scope: AllowScope; value: string; until: number | null }
  | { kind: 'mute'; value: string; until: null };

/** The page a decision about `url` covers: the URL without its #fragment; undefined if not http(s). */
export function pageKeyOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return PageUrlSchema.safeParse(parsed.href).success ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The site a decision about `url` covers: its hostname (subdomains included when matching). */
export function siteKeyOf(url: string | undefined): string | undefined {
  const page = pageKeyOf(url);
  if (!page) return undefined;
  const host = new URL(page).hostname.toLowerCase();
  return HostnameSchema.safeParse(host).success ? host : undefined;
}

function withoutExpired(settings: Settings, now: number): Settings['timedAllows'] {
  return settings.timedAllows.filter((allow) => allow.until > now);
}

/** Adds an allow for the page or site of `url`; the settings are returned unchanged for a URL we cannot scope. */
export function allowUrl(settings: Settings, url: string | undefined, scope: AllowScope, duration: AllowDuration, now = Date.now()): Settings {
  const value = scope === 'site' ? siteKeyOf(url) : pageKeyOf(url);
  if (!value) return settings;
  if (duration === 'always') {
    const key = scope === 'site' ? 'allowedSites' : 'allowedPages';
    const list = settings[key].filter((v) => v !== value);
    return {
      ...settings,
      [key]: [...list, value],
      timedAllows: withoutExpired(settings, now).filter((a) => !(a.scope === scope && a.value === value)),
    };
  }
  const timedAllows = withoutExpired(settings, now).filter((a) => !(a.scope === scope && a.value === value));
  return { ...settings, timedAllows: [...timedAllows, { scope, value, until: now + HOUR_MS }] };
}

export function muteRule(settings: Settings, ruleId: string): Settings {
  if (!RuleIdSchema.safeParse(ruleId).success || settings.mutedRules.includes(ruleId)) return settings;
  return { ...settings, mutedRules: [...settings.mutedRules, ruleId] };
}

/** Every decision still in force, for the options page and the popup. */
export function listDecisions(settings: Settings, now = Date.now()): Decision[] {
  return [
    ...settings.allowedSites.map((value): Decision => ({ kind: 'allow', scope: 'site', value, until: null })),
    ...settings.allowedPages.map((value): Decision => ({ kind: 'allow', scope: 'page', value, until: null })),
    ...withoutExpired(settings, now).map((a): Decision => ({ kind: 'allow', scope: a.scope, value: a.value, until: a.until })),
    ...settings.mutedRules.map((value): Decision => ({ kind: 'mute', value, until: null })),
  ];
}

export function undoDecision(settings: Settings, decision: Decision): Settings {
  if (decision.kind === 'mute') return { ...settings, mutedRules: settings.mutedRules.filter((r) => r !== decision.value) };
  if (decision.until !== null) {
    return {
      ...settings,
      timedAllows: settings.timedAllows.filter((a) => !(a.scope === decision.scope && a.value === decision.value && a.until === decision.until)),
    };
  }
  const key = decision.scope === 'site' ? 'allowedSites' : 'allowedPages';
  return { ...settings, [key]: settings[key].filter((v) => v !== decision.value) };
}

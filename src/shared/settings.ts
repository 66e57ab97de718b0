/** User settings: one zod schema with defaults; a corrupt stored object keeps its valid parts. */
import { z } from './zod';
import { lazySchema } from '../engine/lazy-schema';
import { DEFAULT_WARN_THRESHOLD } from '../engine/score';
import type { KeyValueArea } from './storage-area';

export const HostnameSchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i)),
);
export const PageUrlSchema = lazySchema(() =>
  z.url().check(z.maxLength(2048)),
);
export const RuleIdSchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(64)),
);
const hostname = HostnameSchema;
const pageUrl = PageUrlSchema;
const ruleId = RuleIdSchema;

/** "not a scam" for a while: a site or page allowed until `until` (ms since epoch) */
export const TimedAllowSchema = lazySchema(() =>
  z.object({
    scope: z.enum(['site', 'page']),
    value: z.string().check(z.minLength(1), z.maxLength(2048)),
    until: z.int().check(z.gte(0)),
  }),
);
export type TimedAllow = z.infer<typeof TimedAllowSchema>;

/** An array whose invalid items are dropped instead of failing the whole list. */
function listOf<T extends z.ZodMiniType>(item: T, max: number) {
  return z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((items) => items.flatMap((i) => {
        const r = item.safeParse(i);
        return r.success ? [r.data as z.output<T>] : [];
      }).slice(0, max)),
    ),
    [],
  );
}

/** the UI language: 'auto' follows the browser; the others override it (both locales are bundled) */
export const LANGUAGE_CHOICES = ['auto', 'zh_CN', 'en'] as const;
export const LanguageChoiceSchema = lazySchema(() =>
  z.enum(LANGUAGE_CHOICES),
);
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;

export const SettingsSchema = lazySchema(() =>
  z.object({
    /** show the banner by itself when a page reaches the threshold */
    autoWarn: z.catch(z.boolean(), true),
    threshold: z.catch(z.int().check(z.gte(1), z.lte(100)), DEFAULT_WARN_THRESHOLD),
    /** hostnames (and their subdomains) the user trusts: no banner */
    allowedSites: listOf(hostname, 1000),
    /** exact page URLs (without #fragment) the user trusts */
    allowedPages: listOf(pageUrl, 1000),
    /** rule ids the user turned off */
    mutedRules: listOf(ruleId, 500),
    /** allows that expire; expired ones are ignored and dropped on the next save */
    timedAllows: listOf(TimedAllowSchema, 1000),
    /** larger text and plain words in the banner, popup and options */
    largeText: z.catch(z.boolean(), false),
    /** the language of fcs-guard's own UI, whatever the browser's language is */
    language: z.catch(LanguageChoiceSchema, 'auto'),
  }),
);
export type Settings = z.output<typeof SettingsSchema>;

export { SETTINGS_KEY } from './storage-keys';
import { SETTINGS_KEY } from './storage-keys';

export function parseSettings(raw: unknown): Settings {
  const input = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  return SettingsSchema.parse(input);
}

/** What `parseSettings({})` gives (a test keeps them equal), written out so that loading this module builds no schema. */
export const DEFAULT_SETTINGS: Settings = {
  autoWarn: true,
  threshold: DEFAULT_WARN_THRESHOLD,
  allowedSites: [],
  allowedPages: [],
  mutedRules: [],
  timedAllows: [],
  largeText: false,
  language: 'auto',
};

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(area: KeyValueArea, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: SettingsSchema.parse(settings) });
}

export function isAllowed(settings: Settings, url: string | undefined, now = Date.now()): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const coversHost = (site: string) => host === site.toLowerCase() || host.endsWith(`.${site.toLowerCase()}`);
  if (settings.allowedSites.some(coversHost)) return true;
  parsed.hash = '';
  if (settings.allowedPages.includes(parsed.href)) return true;
  return settings.timedAllows.some(
    (allow) => allow.until > now && (allow.scope === 'site' ? coversHost(allow.value) : allow.value === parsed.href),
  );
}

/** Read, change and save the settings (extension pages and the background; never a content script). */
export async function updateSettings(area: KeyValueArea, change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings(area));
  await saveSettings(area, next);
  return next;
}

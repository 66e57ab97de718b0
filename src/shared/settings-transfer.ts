/**
 * Export and import of everything the user decided: one JSON file. An import is validated in
 * full before anything is written; a bad file changes nothing.
 */
import type { CompiledPack } from '../engine/types';
import { compileCustomRules, StoredCustomRulesSchema, type StoredCustomRules } from './custom-rules';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines';
import { HostnameSchema, LanguageChoiceSchema, PageUrlSchema, RuleIdSchema, SettingsSchema, TimedAllowSchema, type Settings } from './settings';
import { z } from './zod';

export const SETTINGS_FILE_FORMAT = 'fcs-guard-settings';

/** Strict where SettingsSchema is forgiving: an import must be right as a whole. */
const StrictSettings = z
  .object({
    autoWarn: z.boolean(),
    threshold: z.number().int().min(1).max(100),
    allowedSites: z.array(HostnameSchema).max(1000),
    allowedPages: z.array(PageUrlSchema).max(1000),
    mutedRules: z.array(RuleIdSchema).max(500),
    timedAllows: z.array(TimedAllowSchema).max(1000),
    largeText: z.boolean(),
    language: LanguageChoiceSchema,
  })
  .partial()
  .strict();

const SettingsFile = z
  .object({
    format: z.literal(SETTINGS_FILE_FORMAT),
    version: z.literal(1),
    exportedAt: z.string().max(40).optional(),
    settings: StrictSettings,
    customRules: StoredCustomRulesSchema.nullable().optional(),
  })
  .strict();

export function exportSettings(settings: Settings, customRules: StoredCustomRules | undefined, now = new Date()): string {
  const file: z.input<typeof SettingsFile> = {
    format: SETTINGS_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    settings,
    customRules: customRules ?? null,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type SettingsImport =
  | { ok: true; settings: Settings; customRules: StoredCustomRules | null }
  | { ok: false; line?: number; field: string; problem: string };

export function importSettings(text: string, base: CompiledPack): SettingsImport {
  let json;
  try {
    json = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, line: error.line, field: '(json)', problem: error.problem };
    throw error;
  }
  const parsed = SettingsFile.safeParse(json.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const line = json.lineOf(path);
    return {
      ok: false,
      ...(line !== undefined ? { line } : {}),
      field: path.length > 0 ? path.map(String).join('.') : '(file)',
      problem: issue?.message ?? 'invalid',
    };
  }
  const { customRules } = parsed.data;
  if (customRules) {
    const compiled = compileCustomRules(customRules.text, customRules.fileName, base, customRules.importedAt);
    if (!compiled.ok) {
      const where = compiled.error.ruleId ? ` (rule "${compiled.error.ruleId}")` : '';
      return { ok: false, field: `customRules.${compiled.error.field}`, problem: `${compiled.error.problem}${where}` };
    }
  }
  return { ok: true, settings: SettingsSchema.parse(parsed.data.settings), customRules: customRules ?? null };
}

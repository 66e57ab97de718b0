/**
 * Export and import of everything the user decided: one JSON file. An import is validated in
 * full before anything is written; a bad file changes nothing.
 */
import type { CompiledPack } from '../engine/types';
import { compileCustomRules, StoredCustomRulesSchema, type StoredCustomRules } from './custom-rules';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines';
import { HostnameSchema, LanguageChoiceSchema, PageUrlSchema, RuleIdSchema, SettingsSchema, TimedAllowSchema, type Settings } from './settings';
import { z } from './zod';
import { describeIssue, ISSUE_TEXT_PARSE } from '../engine/issue-text';

export const SETTINGS_FILE_FORMAT = 'fcs-guard-settings';

/** Strict where SettingsSchema is forgiving: an import must be right as a whole. */
const StrictSettings = z.partial(
  z.strictObject({
    autoWarn: z.boolean(),
    threshold: z.int().check(z.gte(1), z.lte(100)),
    allowedSites: z.array(HostnameSchema).check(z.maxLength(1000)),
    allowedPages: z.array(PageUrlSchema).check(z.maxLength(1000)),
    mutedRules: z.array(RuleIdSchema).check(z.maxLength(500)),
    timedAllows: z.array(TimedAllowSchema).check(z.maxLength(1000)),
    largeText: z.boolean(),
    language: LanguageChoiceSchema,
  }),
);

const SettingsFile = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.optional(z.string().check(z.maxLength(40))),
  settings: StrictSettings,
  customRules: z.optional(z.nullable(StoredCustomRulesSchema)),
});

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
  const parsed = SettingsFile.safeParse(json.data, ISSUE_TEXT_PARSE);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const line = json.lineOf(path);
    return {
      ok: false,
      ...(line !== undefined ? { line } : {}),
      field: path.length > 0 ? path.map(String).join('.') : '(file)',
      problem: issue ? describeIssue(issue) : 'invalid',
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

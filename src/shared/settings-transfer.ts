/**
 * Export and import of everything the user decided: one JSON file. An import is validated in
 * full before anything is written; a bad file changes nothing.
 */
import type { CompiledPack } from '../engine/types';
import { compileCustomRules, StoredCustomRulesSchema, type StoredCustomRules } from './custom-rules';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines';
import { HostnameSchema, LanguageChoiceSchema, PageUrlSchema, RuleIdSchema, SettingsSchema, TimedAllowSchema, type Settings } from './settings';
import { z } from './zod';
import { englishProblem, ISSUE_TEXT_PARSE, issueProblem, problem, type Problem } from '../engine/issue-text';

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

export interface SettingsImportProblem {
  ok: false;
  line?: number;
  field: string;
  /** the custom rule the problem is in, for a file that carries custom rules */
  ruleId?: string;
  /** in plain English */
  problem: string;
  /** the same as a code, for the UI's language */
  detail?: Problem;
}

export type SettingsImport = { ok: true; settings: Settings; customRules: StoredCustomRules | null } | SettingsImportProblem;

export function importSettings(text: string, base: CompiledPack): SettingsImport {
  let json;
  try {
    json = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, line: error.line, field: '(json)', problem: error.problem, detail: error.detail };
    throw error;
  }
  const parsed = SettingsFile.safeParse(json.data, ISSUE_TEXT_PARSE);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const line = json.lineOf(path);
    const detail = issue ? issueProblem(issue) : problem('notValid');
    return {
      ok: false,
      ...(line !== undefined ? { line } : {}),
      field: path.length > 0 ? path.map(String).join('.') : '(file)',
      problem: englishProblem(detail),
      detail,
    };
  }
  const { customRules } = parsed.data;
  if (customRules) {
    const compiled = compileCustomRules(customRules.text, customRules.fileName, base, customRules.importedAt);
    if (!compiled.ok) {
      const { ruleId, detail } = compiled.error;
      const where = ruleId ? ` (rule "${ruleId}")` : '';
      return {
        ok: false,
        field: `customRules.${compiled.error.field}`,
        problem: `${compiled.error.problem}${where}`,
        ...(ruleId !== undefined ? { ruleId } : {}),
        ...(detail ? { detail } : {}),
      };
    }
  }
  return { ok: true, settings: SettingsSchema.parse(parsed.data.settings), customRules: customRules ?? null };
}

/**
 * Custom rules the user imports from a file: JSON in the rule-source format of
 * src/engine/pack-schema.ts, validated and compiled on the device by the same `compilePack`
 * as the built-in rules, then merged with the built-in pack by the background and the
 * content script. Stored as source; a stored pack that no longer compiles is ignored.
 */
import { compilePack, PackError } from '../engine/compile';
import { englishProblem, problem, type Problem } from '../engine/issue-text';
import { mergePacks } from '../engine/merge-pack';
import type { CompiledPack } from '../engine/types';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines';
import type { KeyValueArea } from './storage-area';
import { z } from './zod';
import { lazySchema } from '../engine/lazy-schema';

export { CUSTOM_RULES_KEY } from './storage-keys';
import { CUSTOM_RULES_KEY } from './storage-keys';
/** a rule file is a few kilobytes; this keeps storage.local and compile time small */
export const MAX_CUSTOM_RULES_CHARS = 200_000;

export const StoredCustomRulesSchema = lazySchema(() =>
  z.object({
    fileName: z.string().check(z.maxLength(200)),
    importedAt: z.int().check(z.gte(0)),
    ruleIds: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(1000)),
    /** the file's text, compiled again at load */
    text: z.string().check(z.maxLength(MAX_CUSTOM_RULES_CHARS)),
  }),
);
export type StoredCustomRules = z.infer<typeof StoredCustomRulesSchema>;

export interface CustomRulesProblem {
  line?: number;
  field: string;
  ruleId?: string;
  /** in plain English */
  problem: string;
  /** the same as a code, for the UI's language; absent for an unforeseen error */
  detail?: Problem;
}

const failure = (field: string, detail: Problem): CustomRulesResult => ({
  ok: false,
  error: { field, problem: englishProblem(detail), detail },
});

export type CustomRulesResult =
  | { ok: true; stored: StoredCustomRules; pack: CompiledPack }
  | { ok: false; error: CustomRulesProblem };

/** Parses, validates and compiles a custom rule file against the built-in pack. */
export function compileCustomRules(text: string, fileName: string, base: CompiledPack, now = Date.now()): CustomRulesResult {
  if (text.length > MAX_CUSTOM_RULES_CHARS) {
    return failure('(file)', problem('fileTooLarge', { limit: MAX_CUSTOM_RULES_CHARS }));
  }
  try {
    const json = parseJsonWithLines(text);
    const custom = compilePack([{ file: fileName, data: json.data, lineOf: json.lineOf }]);
    if (custom.rules.length === 0 && custom.cues.length === 0) {
      return failure('rules', problem('noRules'));
    }
    const pack = mergePacks(base, custom, fileName);
    return {
      ok: true,
      pack,
      stored: { fileName: fileName.slice(0, 200), importedAt: now, ruleIds: custom.rules.map((r) => r.id), text },
    };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, error: { line: error.line, field: '(json)', problem: error.problem, detail: error.detail } };
    }
    if (error instanceof PackError) {
      return {
        ok: false,
        error: {
          ...(error.line !== undefined ? { line: error.line } : {}),
          field: error.field,
          ...(error.ruleId !== undefined ? { ruleId: error.ruleId } : {}),
          problem: error.problem,
          ...(error.detail ? { detail: error.detail } : {}),
        },
      };
    }
    return { ok: false, error: { field: '(file)', problem: String(error instanceof Error ? error.message : error).slice(0, 300) } };
  }
}

export async function loadCustomRules(area: KeyValueArea): Promise<StoredCustomRules | undefined> {
  const stored = await area.get(CUSTOM_RULES_KEY);
  const parsed = StoredCustomRulesSchema.safeParse(stored[CUSTOM_RULES_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The built-in pack merged with the stored custom rules; undefined when there are none (or they
 * no longer compile), in which case `builtin` is not called (the content script decodes its
 * pack only when a frame needs it).
 */
export async function loadCustomPack(area: KeyValueArea, builtin: () => CompiledPack): Promise<CompiledPack | undefined> {
  const stored = await loadCustomRules(area).catch(() => undefined);
  if (!stored) return undefined;
  const result = compileCustomRules(stored.text, stored.fileName, builtin(), stored.importedAt);
  return result.ok ? result.pack : undefined;
}

/** The pack to match and score with: built-in plus the stored custom rules, or built-in alone. */
export async function loadEffectivePack(area: KeyValueArea, builtin: CompiledPack): Promise<CompiledPack> {
  return (await loadCustomPack(area, () => builtin)) ?? builtin;
}

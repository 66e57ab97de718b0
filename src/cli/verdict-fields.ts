/** What the CLI says about one text, field by field: light enough for the CLI to load before the engine. */
export interface TextVerdict {
  /** exactly "the extension would show its banner for this text" */
  flag: boolean;
  score: number;
  level: string;
  rules: string[];
  categories: string[];
  antiFraudPage: boolean;
  reasons: string[];
}

/** The fields of a verdict, in the order they are printed: what `scan --fields` may select. */
export const VERDICT_FIELDS = ['flag', 'score', 'level', 'rules', 'categories', 'antiFraudPage', 'reasons'] as const satisfies readonly (keyof TextVerdict)[];
export type VerdictField = (typeof VERDICT_FIELDS)[number];

/** What one JSONL line gets back: its verdict or why it has none, with the line's `id` echoed when it has one. */
export type JsonLineAnswer = { id?: unknown } & (TextVerdict | { error: string });

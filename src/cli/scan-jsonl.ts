import { inputLines } from './input-lines';
import { inputName } from './read-input';
import { verdictForJsonLine, type Scanner } from './text-verdict';
import type { JsonLineAnswer, VerdictField } from './verdict-fields';

/** Where the answers go: `write` may wait until the reader has taken the last line. */
export interface ScanOutput {
  write(line: string): void | Promise<void>;
  error(message: string): void;
}

/** What a run over the input came to: the exit status is read from it. */
export interface ScanOutcome {
  flagged: boolean;
  bad: boolean;
}

function selectFields(answer: JsonLineAnswer, fields: readonly VerdictField[] | undefined): Record<string, unknown> {
  if (!fields || 'error' in answer) return { ...answer };
  const selected: Record<string, unknown> = answer.id === undefined ? {} : { id: answer.id };
  for (const field of fields) selected[field] = answer[field];
  return selected;
}

/**
 * Answers each line of a JSONL input as it is read, in order: a verdict with the line's `id`,
 * or an error object with the line number (and the `id`) and the same error on stderr.
 * A binary input is refused by inputLines before any answer.
 */
export async function scanJsonl(scanner: Scanner, path: string, fields: readonly VerdictField[] | undefined, out: ScanOutput): Promise<ScanOutcome> {
  const outcome: ScanOutcome = { flagged: false, bad: false };
  for await (const input of inputLines(path)) {
    const answer: JsonLineAnswer = 'problem' in input ? { error: input.problem } : verdictForJsonLine(scanner, input.text);
    if ('error' in answer) {
      outcome.bad = true;
      const id = answer.id === undefined ? '' : ` (id ${JSON.stringify(answer.id)})`;
      out.error(`${inputName(path)}:${input.line}${id}: ${answer.error}`);
      await out.write(JSON.stringify({ line: input.line, ...answer }) + '\n');
      continue;
    }
    if (answer.flag) outcome.flagged = true;
    await out.write(JSON.stringify(selectFields(answer, fields)) + '\n');
  }
  return outcome;
}

/**
 * The project's own training corpus: rules/corpus/*.jsonl, one labelled line of our own
 * writing per line. A line that does not parse fails the build, naming its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusLineSchema, type CorpusRow } from '../engine/model/corpus-schema';
import { describeIssue } from '../engine/issue-text';

/** `FCS_CORPUS_DIR` points the build, the CLI and the tests at another corpus folder. */
export const CORPUS_DIR = process.env.FCS_CORPUS_DIR ?? fileURLToPath(new URL('../../rules/corpus/', import.meta.url));

export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'CorpusError';
  }
}

export function corpusFiles(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

export function readCorpusFile(path: string): CorpusRow[] {
  const file = relative(process.cwd(), path) || path;
  const name = path.split('/').pop() as string;
  const rows: CorpusRow[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new CorpusError(file, i + 1, `not JSON (${(error as Error).message})`);
      }
      const parsed = CorpusLineSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || '(line)';
        throw new CorpusError(file, i + 1, `field "${field}": ${issue ? describeIssue(issue) : 'invalid'}`);
      }
      rows.push({ ...parsed.data, id: `${name}:${i + 1}`, file: name });
    });
  return rows;
}

export function readCorpus(dir = CORPUS_DIR): CorpusRow[] {
  return corpusFiles(dir).flatMap(readCorpusFile);
}

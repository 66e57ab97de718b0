/**
 * The learning curve of rules/corpus/batches.yaml: each batch as it was scored cold when it
 * joined (recorded there), and as today's code scores it when trained on the batches above it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CorpusRow } from '../engine/model/corpus-schema';
import { CORPUS_DIR, readCorpusFile } from './corpus-files';
import { buildPack, trainModelOn } from './pack-files';
import { createScanner, scoreTexts } from './text-verdict';

export interface ColdFigures {
  date?: string;
  model?: string;
  threshold?: number;
  ads?: number | null;
  'hard-negatives'?: number | null;
  ordinary?: number | null;
}

export interface Batch {
  name: string;
  files: string[];
  cold?: ColdFigures;
}

export function readBatches(dir = CORPUS_DIR): Batch[] {
  const data = parse(readFileSync(join(dir, 'batches.yaml'), 'utf8')) as { batches?: Batch[] };
  return data.batches ?? [];
}

export interface CurveRow {
  batch: string;
  lines: number;
  recorded?: ColdFigures;
  /** today's code, trained on the batches above */
  now: { ads: number | null; hardNegatives: number | null; ordinary: number | null } | null;
}

function rate(rows: readonly { label: string; flagged: boolean }[], label: string): number | null {
  const subset = rows.filter((r) => r.label === label);
  return subset.length > 0 ? subset.filter((r) => r.flagged).length / subset.length : null;
}

export function learningCurve(threshold: number, dir = CORPUS_DIR, log: (line: string) => void = () => undefined): CurveRow[] {
  const pack = buildPack();
  const batches = readBatches(dir);
  const seen: CorpusRow[] = [];
  return batches.map((batch, index) => {
    const rows = batch.files.flatMap((f) => readCorpusFile(join(dir, `${f}.jsonl`)));
    let now: CurveRow['now'] = null;
    if (index > 0) {
      log(`training on ${seen.length} lines to score ${batch.name} cold…`);
      const scanner = createScanner({ ...pack, model: trainModelOn(seen, pack).model }, threshold);
      const scored = rows.map((r) => ({ label: r.label, flagged: scoreTexts(scanner, [r.text]).score >= threshold }));
      now = { ads: rate(scored, 'ad'), hardNegatives: rate(scored, 'hard-negative'), ordinary: rate(scored, 'ordinary') };
    }
    seen.push(...rows);
    return { batch: batch.name, lines: rows.length, ...(batch.cold ? { recorded: batch.cold } : {}), now };
  });
}

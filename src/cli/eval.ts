#!/usr/bin/env tsx
/**
 * npm run eval -- FILE.jsonl... [--json] [--show N]
 * Recall on `scam-ad`, flag rate on `not-scam` and `other`, per file and overall, with the
 * misses and false alarms and the rules that fired (or nearly fired) on each.
 */
import { basename } from 'node:path';
import { readInput, splitLines } from './read-input';
import { createScanner, scoreTexts, summarize, type Scanner } from './text-verdict';

const LABELS = ['scam-ad', 'not-scam', 'other'] as const;
type Label = (typeof LABELS)[number];

interface Row {
  file: string;
  line: number;
  label: Label;
  text: string;
  flag: boolean;
  score: number;
  rules: string[];
  reasons: string[];
}

interface Tally {
  total: number;
  flagged: number;
}

interface FileReport {
  file: string;
  counts: Partial<Record<Label, Tally>>;
  errors: { line: number; error: string }[];
}

function parseArgs(argv: string[]): { files: string[]; json: boolean; show: number } {
  const files: string[] = [];
  let json = false;
  let show = 30;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--show') show = Number(argv[++i] ?? '30');
    else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl... [--json] [--show N]\n');
    process.exit(2);
  }
  return { files, json, show };
}

function evaluateFile(scanner: Scanner, path: string, rows: Row[]): FileReport {
  const report: FileReport = { file: basename(path), counts: {}, errors: [] };
  splitLines(readInput(path)).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: { text?: unknown; label?: unknown };
    try {
      value = JSON.parse(raw) as typeof value;
    } catch (e) {
      report.errors.push({ line: i + 1, error: `not JSON: ${(e as Error).message}` });
      return;
    }
    const label = value?.label as Label;
    if (typeof value?.text !== 'string' || !LABELS.includes(label)) {
      report.errors.push({ line: i + 1, error: 'needs a "text" string and a label of scam-ad, not-scam or other' });
      return;
    }
    const verdict = summarize(scoreTexts(scanner, [value.text]), scanner.threshold);
    const tally = (report.counts[label] ??= { total: 0, flagged: 0 });
    tally.total++;
    if (verdict.flag) tally.flagged++;
    rows.push({ file: report.file, line: i + 1, label, text: value.text, ...verdict });
  });
  return report;
}

function rate(t: Tally | undefined): number | null {
  return t && t.total > 0 ? t.flagged / t.total : null;
}

function merge(reports: FileReport[]): Partial<Record<Label, Tally>> {
  const all: Partial<Record<Label, Tally>> = {};
  for (const r of reports) {
    for (const label of LABELS) {
      const t = r.counts[label];
      if (!t) continue;
      const a = (all[label] ??= { total: 0, flagged: 0 });
      a.total += t.total;
      a.flagged += t.flagged;
    }
  }
  return all;
}

function metrics(counts: Partial<Record<Label, Tally>>): Record<string, number | null> {
  return {
    recall: rate(counts['scam-ad']),
    not_scam_flag_rate: rate(counts['not-scam']),
    other_flag_rate: rate(counts.other),
  };
}

function fmt(value: number | null, t: Tally | undefined): string {
  return value === null || !t ? '-' : `${value.toFixed(3)} (${t.flagged}/${t.total})`;
}

function main(): void {
  const { files, json, show } = parseArgs(process.argv.slice(2));
  let scanner: Scanner;
  try {
    scanner = createScanner();
  } catch (e) {
    process.stderr.write(`rule pack error: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const rows: Row[] = [];
  const reports = files.map((f) => evaluateFile(scanner, f, rows));
  const overall = merge(reports);
  const misses = rows.filter((r) => r.label === 'scam-ad' && !r.flag);
  const falseAlarms = rows.filter((r) => r.label !== 'scam-ad' && r.flag);

  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          pack: scanner.pack.version,
          threshold: scanner.threshold,
          files: reports.map((r) => ({ file: r.file, ...metrics(r.counts), counts: r.counts, errors: r.errors })),
          overall: { ...metrics(overall), counts: overall },
          misses: misses.map(({ file, line, score, rules, reasons, text }) => ({ file, line, score, rules, reasons, text })),
          false_alarms: falseAlarms.map(({ file, line, label, score, rules, reasons, text }) => ({
            file,
            line,
            label,
            score,
            rules,
            reasons,
            text,
          })),
        },
        null,
        1,
      ) + '\n',
    );
    return;
  }
  const out: string[] = [`pack ${scanner.pack.version}, banner from score ${scanner.threshold}`, ''];
  out.push('file                                   recall               not-scam flag rate   other flag rate');
  for (const r of [...reports, { file: 'OVERALL', counts: overall, errors: [] }]) {
    const m = metrics(r.counts);
    out.push(
      `${r.file.padEnd(38)} ${fmt(m.recall ?? null, r.counts['scam-ad']).padEnd(20)} ${fmt(m.not_scam_flag_rate ?? null, r.counts['not-scam']).padEnd(20)} ${fmt(m.other_flag_rate ?? null, r.counts.other)}`,
    );
    for (const e of r.errors) out.push(`  ! line ${e.line}: ${e.error}`);
  }
  const list = (title: string, items: Row[]): void => {
    out.push('', `${title} (${items.length}${items.length > show ? `, first ${show}` : ''}):`);
    for (const r of items.slice(0, show)) {
      const fired = r.rules.length > 0 ? r.rules.join(',') : 'no rule';
      const why = r.reasons.length > 0 ? ` [${r.reasons.join(',')}]` : '';
      out.push(`  ${r.file}:${r.line} score ${r.score} ${fired}${why}\n    ${r.text.slice(0, 120)}`);
    }
  };
  list('misses (scam-ad not flagged; rules that nearly fired)', misses);
  list('false alarms', falseAlarms);
  process.stdout.write(out.join('\n') + '\n');
}

try {
  main();
} catch (e) {
  process.stderr.write(`eval: ${(e as Error).message}\n`);
  process.exit(1);
}

#!/usr/bin/env tsx
/**
 * npm run eval -- FILE.jsonl... [--json] [--show N] [--threshold N] [--svg FILE]
 * npm run eval -- --curve [--threshold N]
 *
 * Over labelled JSONL (`scam-ad` / `not-scam` / `other`, or the corpus's `ad` / `hard-negative` /
 * `ordinary`): recall, flag rates, recall per lure family, the precision/recall curve over the
 * threshold (text, and SVG with --svg), calibration, and the misses and false alarms with what the
 * model and the pack each said. --curve prints the corpus's learning curve: each batch's cold
 * figures as recorded when it joined, and as today's code gives them.
 * Exit status: 0 done, 2 bad usage or a bad input line (named on stderr with file and line).
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_WARN_THRESHOLD } from '../engine';
import { LURE_CATEGORIES, type LureCategory } from '../engine/pack-schema';
import { readBatches, learningCurve } from './eval-curve';
import { calibration, KIND_OF_LABEL, precisionRecallCurve, rateOf, recallByFamily, tallyByKind, whatEachSaid, type ScoredLine, type Tally } from './eval-report';
import { curveSvg } from './eval-svg';
import { readInput, splitLines } from './read-input';
import { createScanner, scoreTexts, type Scanner } from './text-verdict';

const USAGE = 'usage: npm run eval -- FILE.jsonl... [--json] [--show N] [--threshold N] [--svg FILE]\n       npm run eval -- --curve [--threshold N]\n';
const THRESHOLDS = [10, 20, 30, 40, 50, 60, 70, 80, 90];

interface Args {
  files: string[];
  json: boolean;
  show: number;
  threshold: number;
  svg?: string;
  curve: boolean;
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], json: false, show: 20, threshold: DEFAULT_WARN_THRESHOLD, curve: false };
  const number = (flag: string, value: string | undefined, min: number, max: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min || n > max) fail(`${flag} needs a whole number from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a === '--json') args.json = true;
    else if (a === '--curve') args.curve = true;
    else if (a === '--show') args.show = number(a, argv[++i], 0, 100000);
    else if (a === '--threshold') args.threshold = number(a, argv[++i], 1, 100);
    else if (a === '--svg') args.svg = argv[++i] ?? fail('--svg needs a file name');
    else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (args.files.length === 0 && !args.curve) fail(`no input\n${USAGE}`);
  return args;
}

function scoreFile(scanner: Scanner, path: string): ScoredLine[] {
  const file = basename(path);
  const out: ScoredLine[] = [];
  splitLines(readInput(path)).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: { text?: unknown; label?: unknown; families?: unknown; id?: unknown };
    try {
      value = JSON.parse(raw) as typeof value;
    } catch (e) {
      fail(`${path}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const kind = typeof value?.label === 'string' ? KIND_OF_LABEL[value.label] : undefined;
    if (typeof value?.text !== 'string' || !kind) fail(`${path}:${i + 1}: needs a "text" string and a label (${Object.keys(KIND_OF_LABEL).join(', ')})`);
    const families = Array.isArray(value.families) ? value.families.filter((f): f is LureCategory => LURE_CATEGORIES.includes(f as LureCategory)) : [];
    const verdict = scoreTexts(scanner, [value.text]);
    out.push({ file, line: i + 1, ...(typeof value.id === 'string' ? { id: value.id } : {}), kind, families, text: value.text, score: verdict.score, verdict });
  });
  return out;
}

const pct = (t: Tally | undefined): string => {
  const r = rateOf(t);
  return r === null || !t ? '-' : `${r.toFixed(3)} (${t.flagged}/${t.total})`;
};
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(3));

function textReport(scanner: Scanner, args: Args, lines: ScoredLine[]): string {
  const out: string[] = [];
  const model = scanner.pack.model;
  out.push(`pack ${scanner.pack.version}, model ${model ? `${model.ad.count} weights` : 'none'}, banner from score ${args.threshold}`, '');
  out.push('file                                   ads caught           look-alikes flagged  ordinary flagged');
  const files = [...new Set(lines.map((l) => l.file))];
  for (const file of [...files, 'OVERALL']) {
    const t = tallyByKind(file === 'OVERALL' ? lines : lines.filter((l) => l.file === file), args.threshold);
    out.push(`${file.padEnd(38)} ${pct(t.ad).padEnd(20)} ${pct(t['look-alike']).padEnd(20)} ${pct(t.ordinary)}`);
  }
  const families = recallByFamily(lines, args.threshold);
  if (Object.keys(families).length > 0) {
    out.push('', 'ads caught, by the lure families they show:');
    for (const [family, t] of Object.entries(families)) out.push(`  ${family.padEnd(20)} ${pct(t)}`);
  }
  out.push('', 'threshold  ads caught  precision  look-alikes  ordinary');
  for (const p of precisionRecallCurve(lines, THRESHOLDS)) {
    out.push(`${String(p.threshold).padStart(9)}  ${num(p.recall).padStart(10)}  ${num(p.precision).padStart(9)}  ${num(p.lookAlikeRate).padStart(11)}  ${num(p.ordinaryRate).padStart(8)}`);
  }
  out.push('', 'calibration (score bin: lines, mean score/100, share that are ads):');
  for (const b of calibration(lines)) if (b.lines > 0) out.push(`  ${String(b.from).padStart(2)}–${b.to}: ${String(b.lines).padStart(6)}  ${num(b.predicted)}  ${num(b.observed)}`);
  const list = (title: string, items: ScoredLine[]): void => {
    out.push('', `${title} (${items.length}${items.length > args.show ? `, first ${args.show}` : ''}):`);
    for (const l of items.slice(0, args.show)) {
      const said = whatEachSaid(l);
      out.push(`  ${l.id ?? `${l.file}:${l.line}`} score ${l.score}: ${said.model}; ${said.pack}\n    ${l.text.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
  };
  list('misses (ads not flagged)', lines.filter((l) => l.kind === 'ad' && l.score < args.threshold));
  list('false alarms', lines.filter((l) => l.kind !== 'ad' && l.score >= args.threshold));
  return out.join('\n') + '\n';
}

function curveReport(threshold: number): string {
  const out = ['learning curve: each batch scored cold by a model trained on the batches above it', ''];
  out.push('batch   lines  | recorded when it joined: ads  look-alikes  ordinary (threshold, model) | today\'s code: ads  look-alikes  ordinary');
  for (const row of learningCurve(threshold, undefined, (line) => process.stderr.write(`${line}\n`))) {
    const r = row.recorded;
    const recorded = r ? `${num(r.ads)}  ${num(r['hard-negatives'])}  ${num(r.ordinary)} (${r.threshold ?? '-'}, ${r.model ?? '-'})` : 'not scored (first batches)';
    const now = row.now ? `${num(row.now.ads)}  ${num(row.now.hardNegatives)}  ${num(row.now.ordinary)}` : '-';
    out.push(`${row.batch.padEnd(7)} ${String(row.lines).padStart(5)}  | ${recorded.padEnd(48)} | ${now}`);
  }
  return out.join('\n') + '\n';
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.curve) {
    process.stdout.write(curveReport(args.threshold));
    if (args.files.length === 0) return;
  }
  const scanner = createScanner(undefined, args.threshold);
  const lines = args.files.flatMap((f) => scoreFile(scanner, f));
  const curve = precisionRecallCurve(lines, THRESHOLDS);
  if (args.svg) writeFileSync(args.svg, curveSvg(curve, args.threshold, `fcs-guard: ${[...new Set(lines.map((l) => l.file))].join(', ')}`));
  if (!args.json) {
    process.stdout.write(textReport(scanner, args, lines));
    return;
  }
  const tallies = tallyByKind(lines, args.threshold);
  const describe = (l: ScoredLine) => ({ id: l.id ?? `${l.file}:${l.line}`, score: l.score, ...whatEachSaid(l), text: l.text });
  process.stdout.write(
    JSON.stringify(
      {
        pack: scanner.pack.version,
        threshold: args.threshold,
        files: [...new Set(lines.map((l) => l.file))].map((file) => ({ file, ...tallyByKind(lines.filter((l) => l.file === file), args.threshold) })),
        overall: { recall: rateOf(tallies.ad), look_alike_flag_rate: rateOf(tallies['look-alike']), ordinary_flag_rate: rateOf(tallies.ordinary), counts: tallies },
        families: recallByFamily(lines, args.threshold),
        curve,
        calibration: calibration(lines),
        cold: readBatches().filter((b) => b.cold).map((b) => ({ batch: b.name, ...b.cold })),
        misses: lines.filter((l) => l.kind === 'ad' && l.score < args.threshold).map(describe),
        false_alarms: lines.filter((l) => l.kind !== 'ad' && l.score >= args.threshold).map(describe),
      },
      null,
      1,
    ) + '\n',
  );
}

try {
  main();
} catch (e) {
  process.stderr.write(`eval: ${(e as Error).message}\n`);
  process.exit(1);
}

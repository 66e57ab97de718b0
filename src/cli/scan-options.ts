import { DEFAULT_WARN_THRESHOLD } from '../engine/score';
import { VERDICT_FIELDS, type VerdictField } from './verdict-fields';

export const SCAN_USAGE = `usage: npm run scan -- [options] <file.html|file.txt|->...
       npm run scan -- --jsonl [options] <file.jsonl|->...

Scores pages, texts or JSON lines with fcs-guard's engine, rule pack and model, as the extension would.
A file named - is standard input.

options:
  --jsonl             each input line is {"text": "...", "id": ...}; answers one JSON line per input line,
                      in order, with the line's id echoed; a bad line gets {"line", "id", "error"}
  --threshold N       banner threshold, a whole number from 1 to 100 (default ${DEFAULT_WARN_THRESHOLD});
                      "flag" is true when the extension would show its banner at this threshold
  --fields a,b,...    with --jsonl, print only these verdict fields, in this order:
                      ${VERDICT_FIELDS.join(', ')}
  --version           print the version of fcs-guard and of its rule pack
  -h, --help          print this help

exit status: 0 nothing flagged, 1 something flagged, 2 bad input or usage (named on stderr)
`;

export interface ScanOptions {
  jsonl: boolean;
  threshold: number;
  /** undefined: every field */
  fields: VerdictField[] | undefined;
  inputs: string[];
}

export type ScanCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'scan'; options: ScanOptions };

/** A command line the scan cannot run; the message says what is wrong with it. */
export class UsageError extends Error {}

function parseThreshold(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < 1 || n > 100) {
    throw new UsageError(`--threshold needs a whole number from 1 to 100${value === undefined ? '' : `, not "${value}"`}`);
  }
  return n;
}

function parseFields(value: string | undefined): VerdictField[] {
  const names = (value ?? '').split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (names.length === 0) throw new UsageError(`--fields needs a comma-separated list of: ${VERDICT_FIELDS.join(', ')}`);
  const unknown = names.filter((f) => !(VERDICT_FIELDS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --fields (known: ${VERDICT_FIELDS.join(', ')})`);
  return [...new Set(names as VerdictField[])];
}

/** Reads the command line in order: the first of --help, --version or a mistake decides. */
export function parseScanArgs(argv: readonly string[]): ScanCommand {
  const options: ScanOptions = { jsonl: false, threshold: DEFAULT_WARN_THRESHOLD, fields: undefined, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (inline !== undefined && !['--threshold', '--fields'].includes(flag)) throw new UsageError(`${flag} takes no value`);
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    else if (flag === '--version') return { kind: 'version' };
    else if (flag === '--jsonl') options.jsonl = true;
    else if (flag === '--threshold') options.threshold = parseThreshold(value());
    else if (flag === '--fields') options.fields = parseFields(value());
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) throw new UsageError('no input: name a file, or - for standard input');
  if (options.inputs.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.fields && !options.jsonl) throw new UsageError('--fields selects fields of the --jsonl output');
  return { kind: 'scan', options };
}

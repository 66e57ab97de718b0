import { PackError } from '../engine';
import { InputError } from './read-input';
import { scanDocument } from './scan-document';
import { scanJsonl, type ScanOutcome, type ScanOutput } from './scan-jsonl';
import type { ScanOptions } from './scan-options';
import { createScanner, type Scanner } from './text-verdict';

/**
 * Scans every input in turn with one scanner: an input that cannot be read is named on stderr
 * and the others are still scanned, so one bad file does not hide the verdicts on the rest.
 */
export async function scanInputs(options: ScanOptions, out: ScanOutput): Promise<ScanOutcome> {
  let scanner: Scanner;
  try {
    scanner = createScanner(undefined, options.threshold);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    out.error(`rule pack error: ${e.message}`);
    return { flagged: false, bad: true };
  }
  const outcome: ScanOutcome = { flagged: false, bad: false };
  for (const path of options.inputs) {
    try {
      if (options.jsonl) {
        const run = await scanJsonl(scanner, path, options.fields, out);
        outcome.flagged ||= run.flagged;
        outcome.bad ||= run.bad;
      } else {
        const run = scanDocument(scanner, path);
        await out.write(run.report);
        outcome.flagged ||= run.flagged;
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.error(e.message);
      outcome.bad = true;
    }
  }
  return outcome;
}

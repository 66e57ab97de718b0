#!/usr/bin/env tsx
/**
 * npm run scan -- [options] <file.html|file.txt|->...   readable verdict for a page or a text
 * npm run scan -- --jsonl [options] <file.jsonl|->...   one JSON verdict per input line, in order
 *
 * The contract a pipeline relies on (SCAN_USAGE and the README's Detection section say it too):
 * exit 0 nothing flagged, 1 something flagged, 2 bad input or usage; every error on stderr, named
 * by file and line; standard input is answered line by line as it arrives. The engine and the
 * model load only once the command line is known to be good, so help and mistakes answer at once.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ScanOutput } from './scan-jsonl';
import { parseScanArgs, SCAN_USAGE, UsageError, type ScanCommand } from './scan-options';

const EXIT_CLEAN = 0;
const EXIT_FLAGGED = 1;
const EXIT_BAD = 2;

const output: ScanOutput = {
  async write(line) {
    if (!process.stdout.write(line)) await once(process.stdout, 'drain');
  },
  error(message) {
    process.stderr.write(`scan: ${message}\n`);
  },
};

async function versionText(): Promise<string> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  const { buildPack } = await import('./pack-files');
  return `${pkg.name} ${pkg.version}\nrule pack ${buildPack().version}\n`;
}

async function main(argv: string[]): Promise<number> {
  let command: ScanCommand;
  try {
    command = parseScanArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`scan: ${e.message}\n${SCAN_USAGE}`);
    return EXIT_BAD;
  }
  if (command.kind === 'help') {
    await output.write(SCAN_USAGE);
    return EXIT_CLEAN;
  }
  if (command.kind === 'version') {
    await output.write(await versionText());
    return EXIT_CLEAN;
  }
  const { scanInputs } = await import('./scan-inputs');
  const outcome = await scanInputs(command.options, output);
  return outcome.bad ? EXIT_BAD : outcome.flagged ? EXIT_FLAGGED : EXIT_CLEAN;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`scan: ${(e as Error).message}\n`);
    process.exitCode = EXIT_BAD;
  },
);

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm test`: build once, then every tier, then one summary line.
 *
 *   build → checks (typecheck, lint, web-ext lint) → unit + DOM (vitest) → e2e (real browsers)
 *   → reproducible build (the source archive, unpacked elsewhere, `npm ci` + build, gives the
 *     same store zips: tools/build/verify-source-archive.ts)
 *
 * The tests of the measuring tools (not of the product) are not a tier here: `npm run test:bench`
 * runs them, after a build, when the tools change.
 *
 * The last line is exactly `N passed, N failed`, summed over every tier. A tier that could not
 * run (build broken, reporter wrote nothing) counts as one failure, so that line never reads
 * "0 failed" when something did not run. Exit code 1 when anything failed.
 */

interface TierResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const BIN = join(process.cwd(), 'node_modules', '.bin');
const workDir = mkdtempSync(join(tmpdir(), 'fcs-test-all-'));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) {
    console.error(`could not start ${command}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}

function banner(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 60 - title.length))}`);
}

/** the jest-compatible JSON vitest's json reporter writes */
interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
}

function vitestTier(name: string, configArgs: string[]): TierResult {
  banner(name);
  const outputFile = join(workDir, `${name.replace(/\W+/g, '-')}.json`);
  const code = run(join(BIN, 'vitest'), [
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  let report: VitestJson;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJson;
  } catch {
    return { name, passed: 0, failed: 1, skipped: 0, note: `could not run (vitest exited ${code}, wrote no report)` };
  }
  // a file that fails to load reports no tests: count it, or a syntax error would read as green
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  for (const file of brokenFiles) console.error(`  file failed to run: ${file.name}\n  ${file.message ?? ''}`);
  const result: TierResult = {
    name,
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note = `vitest exited ${code} with no failed test (an unhandled error?)`;
  }
  return result;
}

function checksTier(): TierResult {
  const result: TierResult = { name: 'checks', passed: 0, failed: 0, skipped: 0 };
  const notes: string[] = [];
  const checks: [string, string, string[]][] = [
    ['typecheck', join(BIN, 'tsc'), ['--noEmit']],
    ['lint (eslint, zero warnings)', join(BIN, 'eslint'), ['.', '--max-warnings', '0']],
    ['web-ext lint (dist/firefox)', join(BIN, 'web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted']],
  ];
  for (const [label, command, args] of checks) {
    banner(label);
    if (run(command, args) === 0) result.passed += 1;
    else {
      result.failed += 1;
      notes.push(`${label} failed`);
    }
  }
  if (notes.length > 0) result.note = notes.join('; ');
  return result;
}

/** One command, one result: passed when it exits 0. */
function commandTier(name: string, command: string, args: string[]): TierResult {
  banner(name);
  const code = run(command, args);
  if (code === 0) return { name, passed: 1, failed: 0, skipped: 0 };
  return { name, passed: 0, failed: 1, skipped: 0, note: `exit ${code}` };
}

function main(): number {
  const tiers: TierResult[] = [];

  banner('build (npm run build)');
  const built = run('npm', ['run', 'build']) === 0;
  if (built) tiers.push({ name: 'build', passed: 1, failed: 0, skipped: 0 });
  else tiers.push({ name: 'build', passed: 0, failed: 1, skipped: 0, note: 'npm run build failed' });

  if (built) tiers.push(checksTier());
  else tiers.push({ name: 'checks', passed: 0, failed: 1, skipped: 0, note: 'not run: no build to lint' });

  tiers.push(vitestTier('unit + DOM', []));

  if (built) tiers.push(vitestTier('e2e (Chromium, Firefox ESR)', ['--config', 'vitest.e2e.config.ts']));
  else tiers.push({ name: 'e2e (Chromium, Firefox ESR)', passed: 0, failed: 1, skipped: 0, note: 'not run: no build' });

  const reproducible = 'reproducible build (source archive)';
  if (built) tiers.push(commandTier(reproducible, join(BIN, 'tsx'), ['tools/build/verify-source-archive.ts']));
  else tiers.push({ name: reproducible, passed: 0, failed: 1, skipped: 0, note: 'not run: no build' });

  rmSync(workDir, { recursive: true, force: true });

  banner('summary');
  for (const tier of tiers) {
    const skipped = tier.skipped > 0 ? `, ${tier.skipped} skipped` : '';
    const note = tier.note ? `  (${tier.note})` : '';
    console.log(`${tier.name}: ${tier.passed} passed, ${tier.failed} failed${skipped}${note}`);
  }
  const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
  const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();

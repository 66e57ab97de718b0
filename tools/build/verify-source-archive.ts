/**
 * Shows that the source archive rebuilds the store packages: unpacks dist/fcs-guard-source.zip
 * into a temporary folder, runs `npm ci` and `npm run build` there as a reviewer would on a clean
 * machine, and compares the Firefox and Chrome zips built there with the ones in dist/, file by
 * file and byte for byte. `npm test` runs it as its last tier; on its own:
 * `npx tsx tools/build/verify-source-archive.ts [dist] [--keep]` (after `npm run build`).
 * Exit 0 when both packages match, 1 when not, 2 when there is no archive to check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareZips, describeComparison, readZip, zipsMatch } from './compare-zips';
import { SOURCE_ARCHIVE } from './source-archive';

const PACKAGES = ['fcs-guard-firefox.zip', 'fcs-guard-chrome.zip'] as const;

/** Writes the archive's files under `into`; answers the one folder they sit in. */
export async function unpackArchive(archive: Buffer, into: string): Promise<string> {
  const files = await readZip(archive);
  const folders = new Set(files.map((f) => (f.name.includes('/') ? f.name.split('/')[0] : '')));
  const [folder] = folders;
  if (folders.size !== 1 || !folder) throw new Error(`the archive should hold one folder and nothing beside it`);
  const top = resolve(into, folder);
  const outside = files.find((file) => !resolve(into, file.name).startsWith(`${top}${sep}`));
  if (outside) throw new Error(`the archive names a path outside its folder: ${outside.name}`);
  for (const file of files) {
    const path = resolve(into, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.data);
  }
  return top;
}

function step(label: string, command: string, args: string[], cwd: string): void {
  console.log(`\n$ ${command} ${args.join(' ')}   (in ${cwd})`);
  // playwright and puppeteer must not fetch browsers: the build needs none
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${label} failed in the unpacked archive (exit ${result.status ?? result.signal})`);
}

export async function verifySourceArchive(dist: string, keep: boolean): Promise<boolean> {
  const archivePath = join(dist, SOURCE_ARCHIVE);
  const work = mkdtempSync(join(tmpdir(), 'fcs-source-'));
  try {
    const root = await unpackArchive(readFileSync(archivePath), work);
    step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], root);
    step('npm run build', 'npm', ['run', 'build'], root);
    let allMatch = true;
    for (const name of PACKAGES) {
      const [shipped, rebuilt] = [join(dist, name), join(root, 'dist', name)];
      const comparison = await compareZips(readFileSync(shipped), readFileSync(rebuilt));
      const whole = readFileSync(shipped).equals(readFileSync(rebuilt));
      const match = zipsMatch(comparison);
      allMatch &&= match;
      console.log(`\n${name}: ${match ? 'rebuilt with the same contents' : 'the rebuild differs'}${whole ? ' (the zips are identical byte for byte)' : ''}`);
      for (const line of describeComparison(comparison, 'dist', 'the rebuild')) console.log(`  ${line}`);
    }
    return allMatch;
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  if (!existsSync(join(dist, SOURCE_ARCHIVE))) {
    console.error(`${join(dist, SOURCE_ARCHIVE)} is missing: run npm run build in a git checkout first`);
    process.exit(2);
  }
  verifySourceArchive(dist, args.includes('--keep')).then(
    (ok) => {
      console.log(ok ? '\nthe source archive rebuilds the store packages' : '\nthe source archive does NOT rebuild the store packages');
      process.exit(ok ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

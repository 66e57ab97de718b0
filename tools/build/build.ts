/**
 * `npm run build`: the extension for Chrome (dist/chrome) and Firefox (dist/firefox), a store
 * zip of each, a check of the built manifests, and for store review the source maps
 * (dist/sourcemaps, kept out of the zips), a source archive and reviewer notes
 * (source-archive.ts). A broken rule file stops the build with the PackError (file, rule id,
 * field) and a non-zero exit.
 * `--out DIR` builds somewhere else (the build test uses a temporary directory).
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { PackError } from '../../src/engine/compile';
import { buildPack } from '../../src/cli/pack-files';
import { checkBuiltExtension } from './check-dist';
import { entriesFrom, filesUnder, writeZip, type ZipEntry } from './deterministic-zip';
import type { TargetBrowser } from './manifest-for';
import { SOURCE_MAPS_DIR, writeReviewPackage } from './source-archive';

const BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

export const zipName = (browser: TargetBrowser): string => `fcs-guard-${browser}.zip`;

/** Vite's own bookkeeping, not part of the extension */
const notShipped = (name: string): boolean => name.startsWith('.vite/');

/**
 * Moves the source maps out of the package into `mapsDir`, keeping their paths; a map whose
 * script the package does not hold (the bundler's own scaffolding) is dropped.
 */
function moveSourceMaps(outDir: string, mapsDir: string): void {
  rmSync(mapsDir, { recursive: true, force: true });
  const names = new Set(filesUnder(outDir));
  for (const name of names) {
    if (!name.endsWith('.map')) continue;
    const from = join(outDir, name);
    if (!names.has(name.slice(0, -'.map'.length))) {
      rmSync(from);
      continue;
    }
    const to = join(mapsDir, name);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

export async function buildExtension(outRoot: string): Promise<void> {
  // compile first, so a rule error is reported once and plainly, before Vite starts
  buildPack();
  mkdirSync(outRoot, { recursive: true });
  let firefoxFiles: ZipEntry[] = [];
  for (const browser of BROWSERS) {
    const outDir = join(outRoot, browser);
    process.env.FCS_BROWSER = browser;
    process.env.FCS_OUT_DIR = outDir;
    await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn' });
    moveSourceMaps(outDir, join(outRoot, SOURCE_MAPS_DIR, browser));
    const problems = checkBuiltExtension(outDir, browser);
    if (problems.length > 0) throw new Error(`dist/${browser} is not shippable:\n  ${problems.join('\n  ')}`);
    const files = entriesFrom(outDir, filesUnder(outDir, notShipped));
    await writeZip(join(outRoot, zipName(browser)), files);
    if (browser === 'firefox') firefoxFiles = files;
    console.log(`built ${outDir} and ${join(outRoot, zipName(browser))}`);
  }
  for (const written of await writeReviewPackage(process.cwd(), outRoot, firefoxFiles, `dist/${zipName('firefox')}`)) {
    console.log(`wrote ${written}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outFlag = process.argv.indexOf('--out');
  const outRoot = resolve(outFlag >= 0 ? (process.argv[outFlag + 1] ?? 'dist') : 'dist');
  buildExtension(outRoot).catch((error: unknown) => {
    console.error(error instanceof PackError ? `rule pack error: ${error.message}` : error);
    process.exit(1);
  });
}

/**
 * `npm run build`: the extension for Chrome (dist/chrome) and Firefox (dist/firefox), a store
 * zip of each, and a check of the built manifests. A broken rule file stops the build with
 * the PackError (file, rule id, field) and a non-zero exit.
 * `--out DIR` builds somewhere else (the build test uses a temporary directory).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import archiver from 'archiver';
import { build } from 'vite';
import { PackError } from '../../src/engine/compile';
import { buildPack } from '../../src/cli/pack-files';
import { checkBuiltExtension } from './check-dist';
import type { TargetBrowser } from './manifest-for';

const BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

function zipDirectory(dir: string, zipPath: string): Promise<void> {
  return new Promise((done, fail) => {
    const output = createWriteStream(zipPath);
    const archive = archiver('zip', { zlib: { level: 9 } });
    output.on('close', () => done());
    archive.on('error', fail);
    archive.pipe(output);
    archive.glob('**/*', { cwd: dir, ignore: ['.vite/**'] });
    void archive.finalize();
  });
}

export async function buildExtension(outRoot: string): Promise<void> {
  // compile first, so a rule error is reported once and plainly, before Vite starts
  buildPack();
  mkdirSync(outRoot, { recursive: true });
  for (const browser of BROWSERS) {
    const outDir = join(outRoot, browser);
    process.env.FCS_BROWSER = browser;
    process.env.FCS_OUT_DIR = outDir;
    await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn' });
    const problems = checkBuiltExtension(outDir, browser);
    if (problems.length > 0) throw new Error(`dist/${browser} is not shippable:\n  ${problems.join('\n  ')}`);
    await zipDirectory(outDir, join(outRoot, `fcs-guard-${browser}.zip`));
    console.log(`built ${outDir} and ${join(outRoot, `fcs-guard-${browser}.zip`)}`);
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

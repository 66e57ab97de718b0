/**
 * What a store reviewer gets, written by `npm run build` after the zips: the source archive (the
 * repository's tracked files as they were built, the Firefox package's source maps and the
 * reviewer notes, in one folder) and the notes beside it, to paste into the store's form.
 * Outside a git checkout, as in a rebuild from the archive itself, there is no list of tracked
 * files, so it writes nothing and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './compare-zips';
import { entriesFrom, filesUnder, writeZip, type ZipEntry } from './deterministic-zip';
import { LINT_ALLOWANCES } from './lint-allowances';
import { reviewerNotes, type PackagedFile, type ShippedDependency } from './reviewer-notes';

export const SOURCE_ARCHIVE = 'fcs-guard-source.zip';
export const REVIEWER_NOTES = 'fcs-guard-reviewer-notes.md';
export const SOURCE_MAPS_DIR = 'sourcemaps';

interface PackageJson {
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  repository?: string | { url?: string };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function git(root: string, args: string[]): string[] | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) return undefined;
  return result.stdout.split('\0').filter(Boolean);
}

/** The repository's tracked files that exist in the working tree; undefined outside a git checkout. */
export function trackedFiles(root: string): string[] | undefined {
  return git(root, ['ls-files', '-z'])?.filter((name) => statSync(join(root, name), { throwIfNoEntry: false })?.isFile());
}

function repositoryUrl(repository: PackageJson['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The packages the extension ships code or files from: package.json's `dependencies`. */
export function shippedDependencies(root: string): ShippedDependency[] {
  const names = Object.keys(readJson<PackageJson>(join(root, 'package.json')).dependencies ?? {}).sort();
  return names.map((name) => {
    const pkg = readJson<PackageJson>(join(root, 'node_modules', name, 'package.json'));
    const repository = repositoryUrl(pkg.repository);
    return { name, version: pkg.version, license: pkg.license ?? '—', ...(repository ? { repository } : {}) };
  });
}

/** The file of a shipped package each non-code asset is a copy of, found by size and then hash. */
function originsOf(root: string, files: readonly ZipEntry[], dependencies: readonly ShippedDependency[]): Map<string, string> {
  const assets = files.filter((f) => !/\.(js|html|css|json)$/.test(f.name));
  const wanted = new Map(assets.map((f) => [f.data.length, f]));
  const origins = new Map<string, string>();
  for (const dependency of dependencies) {
    const dir = join(root, 'node_modules', dependency.name);
    for (const name of filesUnder(dir)) {
      const path = join(dir, name);
      const asset = wanted.get(statSync(path).size);
      if (asset && !origins.has(asset.name) && sha256(readFileSync(path)) === sha256(asset.data)) {
        origins.set(asset.name, `node_modules/${dependency.name}/${name}`);
      }
    }
  }
  return origins;
}

/** Writes the source archive and the reviewer notes; answers the files written (none outside git). */
export async function writeReviewPackage(root: string, outRoot: string, firefoxFiles: readonly ZipEntry[], firefoxZip: string): Promise<string[]> {
  const tracked = trackedFiles(root);
  if (!tracked) {
    console.log('not a git checkout: no source archive (it lists the tracked files)');
    return [];
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']) ?? [];
  if (untracked.length > 0) console.warn(`the source archive leaves out files git does not track: ${untracked.join(', ')}`);

  const { version } = readJson<PackageJson>(join(root, 'package.json'));
  const folder = `fcs-guard-${version}`;
  const dependencies = shippedDependencies(root);
  const origins = originsOf(root, firefoxFiles, dependencies);
  const files: PackagedFile[] = firefoxFiles.map((f) => ({
    name: f.name,
    bytes: f.data.length,
    sha256: sha256(f.data),
    ...(origins.has(f.name) ? { copiedFrom: origins.get(f.name) } : {}),
  }));
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const notes = reviewerNotes({
    version,
    archiveName: SOURCE_ARCHIVE,
    folder,
    node: process.version,
    npm,
    platform: `${process.platform} ${process.arch}`,
    firefoxZip,
    files,
    dependencies,
    allowances: LINT_ALLOWANCES.filter((a) => a.browser === 'firefox'),
  });

  const mapsDir = join(outRoot, SOURCE_MAPS_DIR, 'firefox');
  const maps = existsSync(mapsDir) ? entriesFrom(mapsDir, filesUnder(mapsDir), `${folder}/${SOURCE_MAPS_DIR}/firefox/`) : [];
  const archivePath = join(outRoot, SOURCE_ARCHIVE);
  const notesPath = join(outRoot, REVIEWER_NOTES);
  await writeZip(archivePath, [
    ...entriesFrom(root, tracked, `${folder}/`),
    ...maps,
    { name: `${folder}/REVIEWER-NOTES.md`, data: Buffer.from(notes) },
  ]);
  writeFileSync(notesPath, notes);
  return [archivePath, notesPath];
}

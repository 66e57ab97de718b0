/**
 * Zips whose bytes follow from the files alone: entries sorted by name, one fixed date and mode,
 * deflate level 9. The same sources built again give the same zip, on any machine and in any
 * time zone, with the same Node (whose zlib does the compressing); compare-zips.ts compares the
 * contents, which match whatever the zlib.
 */
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import archiver from 'archiver';

export interface ZipEntry {
  /** path inside the zip, with forward slashes */
  name: string;
  data: Buffer;
}

/** 1 January 1980, the format's first day; archiver stores a date's UTC fields, the same in every zone. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** The files under `dir` as zip names, sorted, without those `skip` names. */
export function filesUnder(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const names: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else names.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return names.filter((name) => !skip(name)).sort();
}

export const entriesFrom = (dir: string, names: readonly string[], prefix = ''): ZipEntry[] =>
  names.map((name) => ({ name: `${prefix}${name}`, data: readFileSync(join(dir, name)) }));

export function writeZip(zipPath: string, entries: readonly ZipEntry[]): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return new Promise((done, fail) => {
    const output = createWriteStream(zipPath);
    const archive = archiver('zip', { zlib: { level: 9 } });
    output.on('close', () => done());
    output.on('error', fail);
    archive.on('error', fail);
    archive.pipe(output);
    for (const entry of sorted) archive.append(entry.data, { name: entry.name, date: FIXED_DATE, mode: 0o644 });
    void archive.finalize();
  });
}

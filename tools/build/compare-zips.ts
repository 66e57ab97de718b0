/**
 * Compares what two zips hold, file by file and byte for byte: the same names, and the same
 * bytes in each. `npx tsx tools/build/compare-zips.ts a.zip b.zip` prints the differences and
 * exits 1 when there are any; a reviewer runs it on the package uploaded to the store and the
 * one rebuilt from the source archive.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

export interface ZipFile {
  name: string;
  data: Buffer;
}

/** The files in a zip (directories left out), sorted by name. */
export async function readZip(bytes: Buffer): Promise<ZipFile[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  const read = await Promise.all(files.map(async (entry) => ({ name: entry.name, data: await entry.async('nodebuffer') })));
  return read.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The names of the files in a zip, sorted, read from its directory alone (nothing inflated). */
export async function zipNames(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name).sort();
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export interface ZipComparison {
  /** files in both with the same bytes */
  same: number;
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** files in both whose bytes differ */
  differ: string[];
}

export async function compareZips(first: Buffer, second: Buffer): Promise<ZipComparison> {
  const [a, b] = [await readZip(first), await readZip(second)];
  const inSecond = new Map(b.map((file) => [file.name, file.data]));
  const inFirst = new Set(a.map((file) => file.name));
  const result: ZipComparison = { same: 0, onlyInFirst: [], onlyInSecond: [], differ: [] };
  for (const file of a) {
    const other = inSecond.get(file.name);
    if (!other) result.onlyInFirst.push(file.name);
    else if (other.equals(file.data)) result.same += 1;
    else result.differ.push(file.name);
  }
  result.onlyInSecond = b.map((file) => file.name).filter((name) => !inFirst.has(name));
  return result;
}

export const zipsMatch = (c: ZipComparison): boolean =>
  c.onlyInFirst.length === 0 && c.onlyInSecond.length === 0 && c.differ.length === 0 && c.same > 0;

export function describeComparison(c: ZipComparison, first: string, second: string): string[] {
  return [
    `${c.same} files identical`,
    ...c.differ.map((name) => `differs: ${name}`),
    ...c.onlyInFirst.map((name) => `only in ${first}: ${name}`),
    ...c.onlyInSecond.map((name) => `only in ${second}: ${name}`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [first, second] = process.argv.slice(2);
  if (!first || !second) {
    console.error('usage: npx tsx tools/build/compare-zips.ts a.zip b.zip');
    process.exit(2);
  }
  const comparison = await compareZips(readFileSync(first), readFileSync(second));
  for (const line of describeComparison(comparison, first, second)) console.log(line);
  const whole = readFileSync(first).equals(readFileSync(second));
  console.log(zipsMatch(comparison) ? `same contents${whole ? ', and the zips are identical byte for byte' : ''}` : 'the contents differ');
  process.exit(zipsMatch(comparison) ? 0 : 1);
}

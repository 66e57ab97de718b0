import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compareZips, readZip, zipsMatch } from '../../tools/build/compare-zips';
import { writeZip, type ZipEntry } from '../../tools/build/deterministic-zip';
import { unpackArchive } from '../../tools/build/verify-source-archive';

const dir = mkdtempSync(join(tmpdir(), 'fcs-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const path = join(dir, `${count++}.zip`);
  await writeZip(path, entries);
  return readFileSync(path);
}

const entries: ZipEntry[] = [
  { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}') },
  { name: 'src/content/index.js', data: Buffer.from('(()=>{})();\n'.repeat(50)) },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
];

describe('writeZip', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('gives the same bytes for the same files, whatever order they come in', async () => {
    expect((await zipOf(entries)).equals(await zipOf([...entries].reverse()))).toBe(true);
  });

  it('gives the same bytes in every time zone (the date it stores is fixed in UTC)', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const west = await zipOf(entries);
    process.env.TZ = 'Asia/Shanghai';
    expect((await zipOf(entries)).equals(west)).toBe(true);
  });

  it('stores the files sorted by name, with their bytes', async () => {
    const files = await readZip(await zipOf(entries));
    expect(files.map((f) => f.name)).toEqual(['icons/icon-16.png', 'manifest.json', 'src/content/index.js']);
    expect(files[2]?.data.equals(entries[1]?.data ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('compareZips', () => {
  it('finds two zips of the same files the same', async () => {
    const comparison = await compareZips(await zipOf(entries), await zipOf([...entries].reverse()));
    expect(comparison).toEqual({ same: 3, onlyInFirst: [], onlyInSecond: [], differ: [] });
    expect(zipsMatch(comparison)).toBe(true);
  });

  it('names a file whose bytes differ, and files only one zip has', async () => {
    const changed = entries.map((e) => (e.name === 'manifest.json' ? { ...e, data: Buffer.from('{"manifest_version":2}') } : e));
    const comparison = await compareZips(await zipOf(entries), await zipOf([...changed.slice(0, 2), { name: 'extra.js', data: Buffer.from('1') }]));
    expect(comparison.differ).toEqual(['manifest.json']);
    expect(comparison.onlyInFirst).toEqual(['icons/icon-16.png']);
    expect(comparison.onlyInSecond).toEqual(['extra.js']);
    expect(zipsMatch(comparison)).toBe(false);
  });

  it('does not call two empty zips a match', async () => {
    expect(zipsMatch(await compareZips(await zipOf([]), await zipOf([])))).toBe(false);
  });
});

describe('unpackArchive', () => {
  it('writes the files of the one folder the archive holds', async () => {
    const into = mkdtempSync(join(dir, 'unpack-'));
    const root = await unpackArchive(await zipOf(entries.map((e) => ({ ...e, name: `fcs-guard-1.0.0/${e.name}` }))), into);
    expect(root).toBe(join(into, 'fcs-guard-1.0.0'));
    expect(readFileSync(join(root, 'manifest.json'), 'utf8')).toBe('{"manifest_version":3}');
  });

  it('refuses an archive of several folders, or a path that climbs out', async () => {
    const into = mkdtempSync(join(dir, 'unpack-'));
    await expect(unpackArchive(await zipOf(entries), into)).rejects.toThrow(/one folder/);
    // JSZip already folds `..` away, which leaves this file beside the folder rather than in it
    const climbing = [...entries.map((e) => ({ ...e, name: `fcs-guard-1.0.0/${e.name}` })), { name: 'fcs-guard-1.0.0/../../evil.txt', data: Buffer.from('x') }];
    await expect(unpackArchive(await zipOf(climbing), into)).rejects.toThrow(/one folder|outside/);
    expect(existsSync(join(into, '..', 'evil.txt'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import baseManifest from '../../manifest.json';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import { manifestFor } from '../../tools/build/manifest-for';

/**
 * The texts around the package: the README's one permission table and the store listings say why
 * each permission is asked for, and name no other; the listings' name and summary are the ones the
 * manifest carries; the privacy policy is there in both languages and linked; the licence is MIT.
 */

const read = (path: string): string => readFileSync(path, 'utf8');

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
}
const manifests = (['chrome', 'firefox'] as const).map((b) => manifestFor(baseManifest, b) as unknown as Manifest);
/** every permission either build asks for, its hosts, and the one CSP source that needs a reason */
const asked = [
  ...new Set([
    ...manifests.flatMap((m) => [...(m.permissions ?? []), ...(m.host_permissions ?? [])]),
    ...(baseManifest.content_security_policy.extension_pages.includes("'wasm-unsafe-eval'") ? ["'wasm-unsafe-eval'"] : []),
  ]),
];

/** The text under a markdown heading, up to the next heading of any level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}" heading`);
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(/\n#{1,6} /);
  return (next < 0 ? rest : rest.slice(0, next)).trim();
}

/** The backticked names in the first cell of each row of the first table in a text. */
function firstColumnNames(text: string): string[] {
  const rows = text.split('\n').filter((line) => line.startsWith('|')).slice(2);
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
}

const readme = read('README.md');
const permissionSection = section(readme, '## Privacy and permissions');
const listings = [
  { file: 'store/listing.en.md', locale: en, name: '### Name', summary: '### Summary', permissions: '### Permission justifications' },
  { file: 'store/listing.zh_CN.md', locale: zhCN, name: '### 名称', summary: '### 简介', permissions: '### 权限说明' },
];

describe('the permission table', () => {
  it('in the README justifies every permission asked for', () => {
    expect(firstColumnNames(permissionSection)).toEqual(expect.arrayContaining(asked));
  });

  it('in the README names no permission that is not asked for', () => {
    expect(firstColumnNames(permissionSection).filter((name) => !asked.includes(name))).toEqual([]);
  });

  it('is the only permission table in the README', () => {
    const headers = readme.split('\n').filter((line) => /^\|\s*permission\s*\|/.test(line));
    expect(headers).toHaveLength(1);
  });

  it.each(listings.map((l) => [l.file, l] as const))('%s justifies the same permissions, and no other', (_file, listing) => {
    const names = firstColumnNames(section(read(listing.file), listing.permissions));
    expect([...names].sort()).toEqual([...asked].sort());
  });
});

describe('the store listings', () => {
  it.each(listings.map((l) => [l.file, l] as const))('%s: name and summary are the manifest’s, within the stores’ limits', (_file, listing) => {
    const text = read(listing.file);
    const name = section(text, listing.name);
    const summary = section(text, listing.summary);
    expect(name).toBe(listing.locale.extName.message);
    expect(summary).toBe(listing.locale.extDescription.message);
    // AMO: names up to 50 characters; Chrome Web Store: summaries up to 132
    expect([...name].length).toBeLessThanOrEqual(50);
    expect([...summary].length).toBeLessThanOrEqual(132);
  });

  it.each(listings.map((l) => [l.file] as const))('%s links the privacy policy and the store icon that exists', (file) => {
    const text = read(file);
    expect(text).toContain('PRIVACY.md');
    expect(text).toContain(`src/public/${baseManifest.icons['128']}`);
  });
});

describe('the privacy policy', () => {
  const policy = read('PRIVACY.md');

  it('is in Chinese and in English', () => {
    expect(policy).toContain('\n## 中文\n');
    expect(policy).toContain('\n## English\n');
  });

  it('says, in both, that the visible tab is captured for on-device OCR and that block text goes to the background', () => {
    const [chinese = '', english = ''] = policy.split('\n## English\n');
    expect(chinese).toContain('tabs.captureVisibleTab');
    expect(english).toContain('tabs.captureVisibleTab');
    expect(chinese).toMatch(/后台/);
    expect(english).toMatch(/background/);
  });

  it('is linked from the README and the options page', () => {
    expect(readme).toContain('](PRIVACY.md)');
    expect(read('src/options/index.html')).toMatch(/href="https:\/\/github\.com\/[^"]+\/PRIVACY\.md"/);
  });
});

describe('the licence', () => {
  it('is MIT, as package.json says', () => {
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
    expect(readme).toContain('](LICENSE)');
  });
});

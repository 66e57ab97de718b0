/**
 * The project's own conventions as tests (in the spirit of refined-github's build/features.test.ts):
 * the README's architecture section describes every folder of src/, every message has a handler
 * and a test, and a file past 300 lines says why in its header. Import boundaries and `any` are
 * the lint tier's (eslint.config.js).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TO_BACKGROUND, TO_CONTENT, TO_OCR_HOST } from '../src/shared/messages';

const ROOT = process.cwd();

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name === '__snapshots__') continue;
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

function folders(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory() || name === '_locales') continue;
    out.push(relative(ROOT, path));
    folders(path, out);
  }
  return out;
}

function architectureSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Architecture');
  if (start < 0) throw new Error('README.md has no "## Architecture" section');
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('the README architecture section', () => {
  const section = architectureSection();
  it.each(folders(join(ROOT, 'src')))('describes %s', (folder) => {
    expect(section).toContain(`\`${folder}/\``);
  });
  it.each(['tools', 'rules', 'tests'])('describes %s/', (folder) => {
    expect(section).toContain(`\`${folder}/\``);
  });
});

describe('every message', () => {
  const testText = walk(join(ROOT, 'tests'), (p) => p.endsWith('.ts') && !p.endsWith('conventions.test.ts'))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
  const receivers = [
    ['src/background/index.ts', TO_BACKGROUND],
    ['src/content/index.ts', TO_CONTENT],
    ['src/offscreen/index.ts', TO_OCR_HOST],
  ] as const;
  for (const [file, requests] of receivers) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    it.each(requests.map((r) => r.type))(`%s has a handler in ${file}`, (type) => {
      expect(source).toContain(`'${type}':`);
    });
  }
  it.each([...TO_BACKGROUND, ...TO_CONTENT, ...TO_OCR_HOST].map((r) => r.type))('%s is exercised by a test', (type) => {
    expect(testText).toMatch(new RegExp(`['"]${type.replace('/', '\\/')}['"]`));
  });
});

describe('file length', () => {
  const files = walk(ROOT, (p) => /\.(ts|js)$/.test(p) && !p.includes(`${ROOT}/dist/`) && !p.includes('/.git/'))
    .filter((p) => /^(src|tools|tests)\//.test(relative(ROOT, p)));
  it.each(files.map((p) => relative(ROOT, p)))('%s: at most 300 lines, or its header says why', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const lines = text.split('\n').length;
    if (lines <= 300) return;
    const header = text.split('\n').slice(0, 40).join('\n');
    expect(header, `${file} has ${lines} lines`).toMatch(/Why this file is long:/);
  });
});

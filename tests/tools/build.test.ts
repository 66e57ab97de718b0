import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { checkBuiltExtension, PERMISSIONS } from '../../tools/build/check-dist';
import { readZip, sha256, zipNames } from '../../tools/build/compare-zips';
import { BUILT_CONTENT_SCRIPT, BUILT_CONTENT_SCRIPTS, BUILT_PACK_SCRIPT, GECKO_ID } from '../../tools/build/manifest-for';
import { ppocrAssetDir, PPOCR_SOURCE_FILES } from '../../tools/build/ocr-models';
import { PPOCR_MODEL_FILES } from '../../src/ocr/ppocr-engine';
import { OCR_ASSET_DIR } from '../../src/shared/extension-paths';
import { REVIEWER_NOTES, SOURCE_ARCHIVE, trackedFiles } from '../../tools/build/source-archive';

const run = promisify(execFile);

/** every user downloads the zip again on each update: the OCR models and runtime must keep it under this */
const STORE_ZIP_LIMIT_BYTES = 8_000_000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

describe('checkBuiltExtension', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fcs-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fakeBuild(manifest: Record<string, unknown>): string {
    const out = mkdtempSync(join(dir, 'b-'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    mkdirSync(join(out, 'src/content'), { recursive: true });
    for (const script of BUILT_CONTENT_SCRIPTS) writeFileSync(join(out, script), '(function(){})();');
    for (const l of ['zh_CN', 'en']) {
      mkdirSync(join(out, '_locales', l), { recursive: true });
      writeFileSync(join(out, '_locales', l, 'messages.json'), '{}');
    }
    mkdirSync(join(out, 'icons'));
    for (const size of [16, 24, 32, 48, 128]) writeFileSync(join(out, `icons/${size}.png`), PNG.sync.write(new PNG({ width: size, height: size })));
    return out;
  }
  const everyFrame = { all_frames: true, match_about_blank: true, match_origin_as_fallback: true };
  const icons = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' };
  const good = {
    manifest_version: 3,
    minimum_chrome_version: '120',
    icons,
    action: { default_icon: { 16: 'icons/16.png', 24: 'icons/24.png', 32: 'icons/32.png' } },
    permissions: [...PERMISSIONS.chrome],
    background: { service_worker: 'sw.js' },
    content_scripts: [
      { js: [BUILT_PACK_SCRIPT], matches: ['<all_urls>'], run_at: 'document_start', ...everyFrame },
      { js: [BUILT_CONTENT_SCRIPT], matches: ['<all_urls>'], ...everyFrame },
    ],
  };

  it('passes a good Chrome build', () => {
    expect(checkBuiltExtension(fakeBuild(good), 'chrome')).toEqual([]);
  });

  it('fails on a permission it does not use, or without one it does', () => {
    expect(checkBuiltExtension(fakeBuild({ ...good, permissions: [...PERMISSIONS.chrome, 'activeTab'] }), 'chrome').join()).toContain('unexpected permissions: activeTab');
    expect(checkBuiltExtension(fakeBuild({ ...good, permissions: ['storage'] }), 'chrome').join()).toContain('missing permissions: scripting, offscreen');
  });

  it('fails on a missing icon size, a missing file or an icon of the wrong size', () => {
    const { 48: _dropped, ...without48 } = icons;
    expect(checkBuiltExtension(fakeBuild({ ...good, icons: without48 }), 'chrome').join()).toContain('icons has no 48 px icon');
    expect(checkBuiltExtension(fakeBuild({ ...good, icons: { ...icons, 128: 'icons/none.png' } }), 'chrome').join()).toContain('icons.128: icons/none.png is missing');
    expect(checkBuiltExtension(fakeBuild({ ...good, icons: { ...icons, 128: 'icons/48.png' } }), 'chrome').join()).toContain('icons.128: icons/48.png is 48×48');
    expect(checkBuiltExtension(fakeBuild({ ...good, action: {} }), 'chrome').join()).toContain('action.default_icon has no 16 px icon');
  });

  it('fails when a source map is left in the package', () => {
    const out = fakeBuild(good);
    writeFileSync(join(out, `${BUILT_CONTENT_SCRIPT}.map`), '{}');
    expect(checkBuiltExtension(out, 'chrome').join()).toContain('source maps in the package');
  });

  it('fails without a minimum browser version', () => {
    const { minimum_chrome_version: _dropped, ...noMinimum } = good;
    expect(checkBuiltExtension(fakeBuild(noMinimum), 'chrome').join()).toContain('minimum_chrome_version is missing');
  });

  it('fails on web_accessible_resources', () => {
    const out = fakeBuild({ ...good, web_accessible_resources: [{ matches: ['<all_urls>'], resources: ['assets/*'] }] });
    expect(checkBuiltExtension(out, 'chrome').join()).toContain('web_accessible_resources');
  });

  it('fails a Firefox build without gecko id or background.scripts', () => {
    const problems = checkBuiltExtension(fakeBuild(good), 'firefox').join('\n');
    expect(problems).toContain('gecko.id');
    expect(problems).toContain('background.scripts');
    expect(problems).toContain('gecko_android.strict_min_version');
  });

  it('passes a good Firefox build', () => {
    const { minimum_chrome_version: _chromeOnly, background: _worker, ...rest } = good;
    const firefox = {
      ...rest,
      permissions: [...PERMISSIONS.firefox],
      background: { scripts: ['sw.js'] },
      browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '140.0' }, gecko_android: { strict_min_version: '142.0' } },
    };
    expect(checkBuiltExtension(fakeBuild(firefox), 'firefox')).toEqual([]);
  });

  it('fails when the content script is a module', () => {
    const out = fakeBuild(good);
    writeFileSync(join(out, BUILT_CONTENT_SCRIPT), 'import "./chunk.js";');
    expect(checkBuiltExtension(out, 'chrome').join()).toContain('ES module');
  });

  it.each(['all_frames', 'match_about_blank', 'match_origin_as_fallback'])('fails when a content script leaves out frames (%s)', (key) => {
    const [pack, main] = good.content_scripts;
    const out = fakeBuild({ ...good, content_scripts: [pack, { ...main, [key]: false }] });
    expect(checkBuiltExtension(out, 'chrome').join()).toContain(`leaves out frames: ${key}`);
  });

  it('fails when the pack script is missing or runs after the main one', () => {
    const late = fakeBuild({ ...good, content_scripts: [{ js: [BUILT_CONTENT_SCRIPT, BUILT_PACK_SCRIPT], matches: ['<all_urls>'], ...everyFrame }] });
    expect(checkBuiltExtension(late, 'chrome').join()).toContain('document_start');
    const missing = fakeBuild({ ...good, content_scripts: [{ js: [BUILT_CONTENT_SCRIPT], matches: ['<all_urls>'], ...everyFrame }] });
    expect(checkBuiltExtension(missing, 'chrome').join()).toContain(`content script is not at ${BUILT_PACK_SCRIPT}`);
  });
});

// A real build into a temporary directory: slow (two Vite builds), but it is the only way
// to know what crxjs puts in the shipped manifests.
describe('npm run build', () => {
  const out = mkdtempSync(join(tmpdir(), 'fcs-build-'));
  let built: { ok: true } | { ok: false; output: string } = { ok: true };

  beforeAll(async () => {
    try {
      await run('npx', ['tsx', 'tools/build/build.ts', '--out', out], { cwd: process.cwd(), maxBuffer: 1 << 24 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      built = { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds', () => {
    expect(built.ok ? '' : (built as { output: string }).output).toBe('');
  });

  it.each(['chrome', 'firefox'] as const)('%s build passes the shipping checks', (browser) => {
    expect(checkBuiltExtension(join(out, browser), browser)).toEqual([]);
  });

  it('has no web_accessible_resources, and Firefox has its gecko id and background.scripts', () => {
    const chrome = JSON.parse(readFileSync(join(out, 'chrome/manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(out, 'firefox/manifest.json'), 'utf8'));
    expect(chrome.web_accessible_resources).toBeUndefined();
    expect(firefox.web_accessible_resources).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(firefox.background.scripts.length).toBeGreaterThan(0);
    expect(chrome.content_scripts.map((c: { js: string[]; run_at: string }) => [c.js, c.run_at])).toEqual([
      [[BUILT_PACK_SCRIPT], 'document_start'],
      [[BUILT_CONTENT_SCRIPT], 'document_idle'],
    ]);
  });

  it('writes a store zip per browser, without the source maps', { timeout: 60_000 }, async () => {
    for (const browser of ['chrome', 'firefox']) {
      const names = await zipNames(readFileSync(join(out, `fcs-guard-${browser}.zip`)));
      expect(names).toContain('manifest.json');
      expect(names).toContain(BUILT_CONTENT_SCRIPT);
      expect(names.filter((name) => name.endsWith('.map') || name.startsWith('.vite/'))).toEqual([]);
    }
  });

  it.each(['chrome', 'firefox'] as const)('%s ships the weight-quantised OCR models and one WASM runtime, in a zip within the size limit', (browser) => {
    const dir = join(out, browser);
    expect(readdirSync(join(dir, OCR_ASSET_DIR)).sort()).toEqual(Object.values(PPOCR_MODEL_FILES).sort());
    for (const model of ['detection', 'recognition'] as const) {
      // int8 weights: about a quarter of the float model the package installs
      const shipped = statSync(join(dir, OCR_ASSET_DIR, PPOCR_MODEL_FILES[model])).size;
      expect(shipped).toBeLessThan(statSync(join(ppocrAssetDir(), PPOCR_SOURCE_FILES[model])).size / 3);
    }
    // onnxruntime-web's plain WASM build only: no JSEP, JSPI or asyncify variant rides along
    expect(filesUnder(dir).filter((f) => f.endsWith('.wasm'))).toEqual([expect.stringMatching(/^assets\/ort-wasm-simd-threaded-[\w-]+\.wasm$/)]);
    expect(statSync(join(out, `fcs-guard-${browser}.zip`)).size).toBeLessThanOrEqual(STORE_ZIP_LIMIT_BYTES);
  });

  it('writes a source archive: the tracked files as built, the Firefox source maps and the reviewer notes', { timeout: 60_000 }, async () => {
    const archived = await readZip(readFileSync(join(out, SOURCE_ARCHIVE)));
    const names = archived.map((f) => f.name.replace(/^fcs-guard-[^/]+\//, ''));
    const tracked = trackedFiles(process.cwd()) ?? [];
    expect(tracked).toContain('package-lock.json');
    expect(names).toEqual(expect.arrayContaining(tracked));
    expect(names).toContain('REVIEWER-NOTES.md');
    expect(names).toContain(`sourcemaps/firefox/${BUILT_CONTENT_SCRIPT}.map`);
    const manifest = archived.find((f) => f.name.endsWith('/manifest.json') && !f.name.includes('/sourcemaps/'));
    expect(manifest?.data.equals(readFileSync('manifest.json'))).toBe(true);
  });

  it('writes reviewer notes naming every file of the Firefox package with its SHA-256', { timeout: 60_000 }, async () => {
    const notes = readFileSync(join(out, REVIEWER_NOTES), 'utf8');
    const packaged = await zipNames(readFileSync(join(out, 'fcs-guard-firefox.zip')));
    expect(packaged.length).toBeGreaterThan(10);
    for (const name of packaged) expect(notes).toContain(`| \`${name}\``);
    for (const name of packaged) expect(notes).toContain(sha256(readFileSync(join(out, 'firefox', name))));
    expect(notes).toContain('npm ci');
  });
});

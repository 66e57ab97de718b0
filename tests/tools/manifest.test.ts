import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import baseManifest from '../../manifest.json';
import { PERMISSIONS, pngSize, REQUIRED_ACTION_ICON_SIZES, REQUIRED_ICON_SIZES } from '../../tools/build/check-dist';
import { buildTarget, FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION, manifestFor, type TargetBrowser } from '../../tools/build/manifest-for';
import { manifestIconFiles, PUBLIC_DIR } from '../../tools/render-icons';

/**
 * The manifest against the code: an icon of the right size for every size it names, exactly the
 * permissions the source uses, and minimum browser versions that cover every key and API used,
 * match the JavaScript the bundler emits, and are the ones the README states.
 */

interface BuiltManifest {
  permissions?: string[];
  host_permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: { strict_min_version?: string };
  };
}

const built = (browser: TargetBrowser) => manifestFor(baseManifest, browser) as unknown as BuiltManifest;
const major = (version: string | undefined): number => Number((version ?? '').split('.')[0]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}
const source = sourceFiles('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
/** `browser.x` / `chrome.x` (also `chrome?.x`) namespaces the extension's code touches */
const namespacesUsed = new Set(source.flatMap(({ text }) => [...text.matchAll(/\b(?:browser|chrome)\??\.([a-zA-Z]+)\b/g)].map((m) => m[1] ?? '')));
const uses = (pattern: RegExp): string[] => source.filter(({ text }) => pattern.test(text)).map(({ path }) => path);

/** API permissions and the namespace each one unlocks */
const API_PERMISSIONS: Record<string, string> = {
  alarms: 'alarms', bookmarks: 'bookmarks', browsingData: 'browsingData', contextMenus: 'contextMenus', cookies: 'cookies',
  declarativeNetRequest: 'declarativeNetRequest', downloads: 'downloads', history: 'history', identity: 'identity', idle: 'idle',
  management: 'management', menus: 'menus', notifications: 'notifications', offscreen: 'offscreen', scripting: 'scripting',
  sessions: 'sessions', storage: 'storage', tabGroups: 'tabGroups', topSites: 'topSites', webNavigation: 'webNavigation',
  webRequest: 'webRequest',
};

/** What needs access to every site, without a click: the automatic capture for OCR, and 检查此页's injection. */
const HOST_USES = [/\bbrowser\.tabs\.captureVisibleTab\b/, /\bbrowser\.scripting\.executeScript\b/];

/** The first version that has each manifest key or API the extension relies on (MDN, Chrome's API reference). */
const MINIMUMS: { what: string; used: () => boolean; chrome?: number; firefox?: number; firefoxAndroid?: number }[] = [
  { what: 'gecko.data_collection_permissions', used: () => built('firefox').browser_specific_settings?.gecko?.data_collection_permissions !== undefined, firefox: 140, firefoxAndroid: 142 },
  { what: 'content_scripts match_origin_as_fallback', used: () => JSON.stringify(baseManifest.content_scripts).includes('"match_origin_as_fallback":true'), chrome: 119, firefox: 128 },
  { what: 'CSS Custom Highlight API', used: () => uses(/\bHighlight\?: new\b/).length > 0, chrome: 105, firefox: 140 },
  { what: 'action.setBadgeTextColor', used: () => uses(/\.setBadgeTextColor\(/).length > 0, chrome: 110, firefox: 109 },
  { what: 'offscreen documents', used: () => namespacesUsed.has('offscreen'), chrome: 109 },
  { what: 'storage.session', used: () => uses(/storage\.session\b/).length > 0, chrome: 102, firefox: 115 },
  { what: 'scripting.executeScript', used: () => namespacesUsed.has('scripting'), chrome: 88, firefox: 102 },
];

describe('icons', () => {
  const files = manifestIconFiles(baseManifest);
  it.each(files.map((f) => [f.path, f.size] as const))('%s is a %i px PNG', (path, size) => {
    expect(pngSize(readFileSync(join(PUBLIC_DIR, path)))).toEqual({ width: size, height: size });
  });
  it('come in every size the stores and toolbars ask for', () => {
    expect(Object.keys(baseManifest.icons).map(Number)).toEqual(expect.arrayContaining([...REQUIRED_ICON_SIZES]));
    expect(Object.keys(baseManifest.action.default_icon).map(Number)).toEqual(expect.arrayContaining([...REQUIRED_ACTION_ICON_SIZES]));
  });
  it('are all drawn from the SVG sources beside them', () => {
    for (const { path } of files) expect(path).toMatch(/^icons\/icon-\d+\.png$/);
    expect(readdirSync(join(PUBLIC_DIR, 'icons')).filter((name) => name.endsWith('.svg')).sort()).toEqual(['icon-small.svg', 'icon.svg']);
  });
});

describe('permissions', () => {
  it.each(['chrome', 'firefox'] as const)('%s: exactly the ones the build checks for', (browser) => {
    expect([...(built(browser).permissions ?? [])].sort()).toEqual([...PERMISSIONS[browser]].sort());
  });

  it.each(PERMISSIONS.chrome)('%s is used by the source', (permission) => {
    const namespace = API_PERMISSIONS[permission];
    expect(namespace, `${permission} unlocks no API this test knows: say what uses it`).toBeDefined();
    expect(namespacesUsed.has(namespace ?? '')).toBe(true);
  });

  it('every API the source calls that needs a permission has it', () => {
    const needed = Object.entries(API_PERMISSIONS).filter(([, namespace]) => namespacesUsed.has(namespace)).map(([permission]) => permission);
    expect(needed.filter((permission) => !PERMISSIONS.chrome.includes(permission))).toEqual([]);
  });

  it('asks for no activeTab: the host permission covers the click, and nothing else needs it', () => {
    expect(built('chrome').permissions).not.toContain('activeTab');
    expect(built('firefox').permissions).not.toContain('activeTab');
  });

  it('asks for every site because the source captures and injects without a click', () => {
    expect(built('chrome').host_permissions).toEqual(['<all_urls>']);
    for (const pattern of HOST_USES) expect(uses(pattern), String(pattern)).not.toEqual([]);
    // the OCR capture runs from the background, on a page's report, not from a click in the popup
    expect(uses(/\bbrowser\.tabs\.captureVisibleTab\b/)).toContain(join('src', 'background', 'image-read.ts'));
  });
});

describe('minimum versions', () => {
  const chrome = major(built('chrome').minimum_chrome_version);
  const firefox = major(built('firefox').browser_specific_settings?.gecko?.strict_min_version);
  const android = major(built('firefox').browser_specific_settings?.gecko_android?.strict_min_version);

  it('are stated for each browser', () => {
    expect(chrome).toBeGreaterThan(0);
    expect(firefox).toBe(major(FIREFOX_MIN_VERSION));
    expect(android).toBe(major(FIREFOX_ANDROID_MIN_VERSION));
  });

  it.each(MINIMUMS.filter((m) => m.used()).map((m) => [m.what, m] as const))('cover %s', (_what, needs) => {
    if (needs.chrome) expect(chrome).toBeGreaterThanOrEqual(needs.chrome);
    if (needs.firefox) expect(firefox).toBeGreaterThanOrEqual(needs.firefox);
    if (needs.firefoxAndroid) expect(android).toBeGreaterThanOrEqual(needs.firefoxAndroid);
  });

  it('are what the bundler writes JavaScript for', () => {
    expect(buildTarget(baseManifest, 'chrome')).toBe(`chrome${chrome}`);
    expect(buildTarget(baseManifest, 'firefox')).toBe(`firefox${firefox}`);
  });

  it('are the ones the README states', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`Chrome ${chrome} or later`);
    expect(readme).toContain(`Firefox ${firefox} or later`);
    expect(readme).toContain(`Firefox for Android ${android} or later`);
  });
});

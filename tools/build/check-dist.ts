/**
 * Checks a built extension directory against what fcs-guard promises: no
 * web_accessible_resources (pages must not detect us), a self-contained content script at
 * the path the background injects, run in every frame a page can make, only the permissions it
 * uses, an icon file of the right size for every size the manifest names, no source maps in the
 * package, a minimum browser version, and for Firefox a gecko id and background.scripts.
 * `tsx tools/build/check-dist.ts [dist]` checks dist/chrome and dist/firefox.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesUnder } from './deterministic-zip';
import { BUILT_CONTENT_SCRIPTS, BUILT_PACK_SCRIPT, GECKO_ID, type TargetBrowser } from './manifest-for';

/** The permissions each build asks for: tests/tools/manifest.test.ts ties them to the APIs the source calls. */
export const PERMISSIONS: Record<TargetBrowser, readonly string[]> = {
  chrome: ['storage', 'scripting', 'offscreen'],
  firefox: ['storage', 'scripting'],
};
/** Icon sizes the stores and browsers ask for: the listing and extensions page, and the toolbar (1× and 2×). */
export const REQUIRED_ICON_SIZES = [16, 32, 48, 128] as const;
export const REQUIRED_ACTION_ICON_SIZES = [16, 32] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header, or undefined when the file is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function iconProblems(dir: string, field: string, icons: Record<string, string> | undefined, required: readonly number[]): string[] {
  const problems: string[] = [];
  for (const size of required) if (!icons?.[String(size)]) problems.push(`${field} has no ${size} px icon`);
  for (const [size, file] of Object.entries(icons ?? {})) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${field}.${size}: ${file} is missing`);
      continue;
    }
    const found = pngSize(readFileSync(path));
    if (!found) problems.push(`${field}.${size}: ${file} is not a PNG`);
    else if (found.width !== Number(size) || found.height !== Number(size)) {
      problems.push(`${field}.${size}: ${file} is ${found.width}×${found.height}`);
    }
  }
  return problems;
}

interface BuiltManifest {
  manifest_version?: number;
  web_accessible_resources?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string }; gecko_android?: { strict_min_version?: string } };
  minimum_chrome_version?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  content_scripts?: {
    js?: string[];
    matches?: string[];
    all_frames?: boolean;
    run_at?: string;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  }[];
  permissions?: string[];
  default_locale?: string;
}

export function checkBuiltExtension(dir: string, browser: TargetBrowser): string[] {
  const problems: string[] = [];
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return [`${manifestPath} is missing: run npm run build`];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuiltManifest;
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (manifest.web_accessible_resources !== undefined) {
    problems.push('web_accessible_resources present: pages could detect fcs-guard');
  }
  const scripts = manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [];
  for (const script of BUILT_CONTENT_SCRIPTS) {
    if (!scripts.includes(script)) problems.push(`content script is not at ${script} (found ${scripts.join(', ')})`);
    const contentPath = join(dir, script);
    if (!existsSync(contentPath)) problems.push(`${contentPath} is missing`);
    else if (/^\s*(import|export)\s/m.test(readFileSync(contentPath, 'utf8'))) {
      problems.push(`content script ${script} is an ES module: it needs a loader and web_accessible_resources`);
    }
  }
  // an ad can sit in any frame a page makes: srcdoc, about:blank written by script, data: and blob:
  for (const entry of manifest.content_scripts ?? []) {
    const missing = (['all_frames', 'match_about_blank', 'match_origin_as_fallback'] as const).filter((key) => entry[key] !== true);
    if (missing.length > 0) problems.push(`content script ${(entry.js ?? []).join(', ')} leaves out frames: ${missing.join(', ')} not set`);
  }
  const packEntry = manifest.content_scripts?.find((c) => c.js?.includes(BUILT_PACK_SCRIPT));
  if (packEntry && packEntry.run_at !== 'document_start') problems.push(`${BUILT_PACK_SCRIPT} must run at document_start, before the main content script`);
  for (const locale of ['zh_CN', 'en']) {
    if (!existsSync(join(dir, '_locales', locale, 'messages.json'))) problems.push(`_locales/${locale}/messages.json is missing`);
  }
  const allowed = PERMISSIONS[browser];
  const extra = (manifest.permissions ?? []).filter((p) => !allowed.includes(p));
  if (extra.length > 0) problems.push(`unexpected permissions: ${extra.join(', ')}`);
  const missing = allowed.filter((p) => !(manifest.permissions ?? []).includes(p));
  if (missing.length > 0) problems.push(`missing permissions: ${missing.join(', ')}`);
  problems.push(...iconProblems(dir, 'icons', manifest.icons, REQUIRED_ICON_SIZES));
  problems.push(...iconProblems(dir, 'action.default_icon', manifest.action?.default_icon, REQUIRED_ACTION_ICON_SIZES));
  const maps = filesUnder(dir).filter((name) => name.endsWith('.map'));
  if (maps.length > 0) problems.push(`source maps in the package (they belong in the source archive): ${maps.join(', ')}`);
  if (browser === 'firefox') {
    if (manifest.browser_specific_settings?.gecko?.id !== GECKO_ID) problems.push('browser_specific_settings.gecko.id is missing');
    if (!manifest.browser_specific_settings?.gecko?.strict_min_version) problems.push('gecko.strict_min_version is missing');
    if (!manifest.browser_specific_settings?.gecko_android?.strict_min_version) problems.push('gecko_android.strict_min_version is missing');
    if (manifest.minimum_chrome_version) problems.push('Firefox manifest has minimum_chrome_version');
    if (!manifest.background?.scripts?.length) problems.push('background.scripts is missing');
    if (manifest.background?.service_worker) problems.push('Firefox manifest has background.service_worker');
  } else {
    if (!manifest.background?.service_worker) problems.push('background.service_worker is missing');
    if (manifest.browser_specific_settings) problems.push('Chrome manifest has browser_specific_settings');
    if (!manifest.minimum_chrome_version) problems.push('minimum_chrome_version is missing');
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  let failed = false;
  for (const browser of ['chrome', 'firefox'] as const) {
    const problems = checkBuiltExtension(join(dist, browser), browser);
    for (const p of problems) console.error(`${browser}: ${p}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exit(1);
  console.log('built manifests OK');
}

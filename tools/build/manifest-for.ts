import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** The one manifest.json, adapted per browser at build time. */
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'fcs-guard@fcs-guard.github.io';
/**
 * The oldest Firefox the build runs in: `data_collection_permissions` (which AMO asks every new
 * extension for) arrived in 140, as did the CSS Custom Highlight API the highlights use.
 */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android reads `data_collection_permissions` from 142. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';
export { BUILT_CONTENT_SCRIPT, BUILT_CONTENT_SCRIPTS, BUILT_PACK_SCRIPT } from '../../src/shared/extension-paths';

interface SourceManifest {
  background?: { service_worker: string; type?: string };
  permissions?: string[];
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

type CrxManifest = ManifestV3Export;

/**
 * The JavaScript the bundler may emit for a browser: exactly what its minimum version runs, so
 * the minimum the manifest states is the one the code needs.
 */
export function buildTarget(source: SourceManifest, browser: TargetBrowser): string {
  if (browser === 'firefox') return `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`;
  if (!source.minimum_chrome_version) throw new Error('manifest.json has no minimum_chrome_version');
  return `chrome${source.minimum_chrome_version.split('.')[0]}`;
}

export function manifestFor(source: SourceManifest, browser: TargetBrowser): CrxManifest {
  if (browser === 'chrome') return source as unknown as CrxManifest;
  // Chrome's own minimum means nothing to Firefox, which would warn about an unknown key
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = source;
  return {
    ...rest,
    // Firefox has no offscreen documents: its background page hosts the OCR engine itself
    ...(rest.permissions ? { permissions: rest.permissions.filter((p) => p !== 'offscreen') } : {}),
    ...(background ? { background: { scripts: [background.service_worker], type: 'module' } } : {}),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  } as unknown as CrxManifest;
}

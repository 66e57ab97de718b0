import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** The one manifest.json, adapted per browser at build time. */
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'fcs-guard@fcs-guard.github.io';
/** storage.session arrived in Firefox 115 (ESR); MV3 background scripts with type module in 112. */
export const FIREFOX_MIN_VERSION = '115.0';
export { BUILT_CONTENT_SCRIPT, BUILT_CONTENT_SCRIPTS, BUILT_PACK_SCRIPT } from '../../src/shared/extension-paths';

interface SourceManifest {
  background?: { service_worker: string; type?: string };
  permissions?: string[];
  [key: string]: unknown;
}

type CrxManifest = ManifestV3Export;

export function manifestFor(source: SourceManifest, browser: TargetBrowser): CrxManifest {
  if (browser === 'chrome') return source as unknown as CrxManifest;
  const { background, ...rest } = source;
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
    },
  } as unknown as CrxManifest;
}

import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json';
import { projectAliases } from './tools/build/aliases';
import { buildTarget, manifestFor, type TargetBrowser } from './tools/build/manifest-for';
import { ocrAssets } from './tools/build/ocr-assets-plugin';

const browser: TargetBrowser = process.env.FCS_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const outDir = process.env.FCS_OUT_DIR ?? `dist/${browser}`;

export default defineConfig({
  publicDir: 'src/public',
  resolve: { alias: projectAliases(browser) },
  build: {
    outDir,
    emptyOutDir: true,
    // the content script is parsed in every frame of every page: ship it small. Reviewers get
    // the sources and these maps in the source archive (tools/build/source-archive.ts); 'hidden'
    // leaves the shipped files without a sourceMappingURL, and the build moves the maps out.
    minify: process.env.FCS_MINIFY !== "0",
    sourcemap: 'hidden',
    target: buildTarget(baseManifest, browser),
    // Chrome's OCR host page (see src/background/ocr-host.ts); Firefox's background page is the host
    rollupOptions: browser === 'chrome' ? { input: { offscreen: 'src/offscreen/index.html' } } : {},
  },
  plugins: [
    ocrAssets(),
    crx({
      manifest: manifestFor(baseManifest, browser),
      browser,
      contentScripts: { standaloneFiles: ['src/content/pack-script.ts', 'src/content/index.ts'] },
    }),
  ],
});

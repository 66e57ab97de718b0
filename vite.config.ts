import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json';
import { buildPack } from './src/cli/pack-files';
import { fcsPackPlugin } from './src/cli/vite-pack-plugin';
import { manifestFor, type TargetBrowser } from './src/cli/manifest-for';

const browser: TargetBrowser = process.env.FCS_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const outDir = process.env.FCS_OUT_DIR ?? `dist/${browser}`;

/**
 * crxjs builds standalone (IIFE) content scripts in a second Vite build that gets no
 * plugins, only the parent's `resolve`, so `fcsPackPlugin` cannot serve the content
 * script. The same compiled pack is written to a JSON file and aliased for both builds;
 * compiling here also makes a broken rule file fail the build before anything runs.
 */
function writeCompiledPack(): string {
  const dir = fileURLToPath(new URL('./node_modules/.cache/fcs-guard/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}pack-${browser}.json`;
  writeFileSync(file, JSON.stringify(buildPack()));
  return file;
}

export default defineConfig({
  publicDir: 'src/public',
  resolve: { alias: [{ find: /^virtual:fcs-pack$/, replacement: writeCompiledPack() }] },
  build: {
    outDir,
    emptyOutDir: true,
    // store reviewers read the shipped code; it is small enough unminified
    minify: false,
    target: browser === 'firefox' ? 'firefox115' : 'chrome120',
  },
  plugins: [
    fcsPackPlugin(),
    crx({
      manifest: manifestFor(baseManifest, browser),
      browser,
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
});

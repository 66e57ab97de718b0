import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json';
import { compiledPackAlias } from './src/cli/pack-alias';
import { manifestFor, type TargetBrowser } from './src/cli/manifest-for';

const browser: TargetBrowser = process.env.FCS_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const outDir = process.env.FCS_OUT_DIR ?? `dist/${browser}`;

export default defineConfig({
  publicDir: 'src/public',
  resolve: { alias: [compiledPackAlias(browser)] },
  build: {
    outDir,
    emptyOutDir: true,
    // store reviewers read the shipped code; it is small enough unminified
    minify: false,
    target: browser === 'firefox' ? 'firefox115' : 'chrome120',
  },
  plugins: [
    crx({
      manifest: manifestFor(baseManifest, browser),
      browser,
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
});

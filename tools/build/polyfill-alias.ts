import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Alias } from 'vite';
import { generatedModuleAlias } from './generated-module';

/**
 * `webextension-polyfill` as an ES module whose default export is the API object itself.
 *
 * The package ships a UMD file. Imported as CommonJS, the bundler wraps its exports in an
 * interop object, copying every property of the API object and reading each one's descriptor.
 * Chrome now has a promise-based `browser` of its own, which the polyfill hands back as it is,
 * and reading a descriptor there instantiates that API namespace (app, runtime, storage, i18n, …):
 * a noticeable part of the content script's start-up, in every frame of every page. Here the UMD file runs
 * with a `module` of its own and nothing is copied, and only where it has something to do.
 */
export function polyfillAlias(name: string): Alias {
  const require = createRequire(import.meta.url);
  const umd = readFileSync(require.resolve('webextension-polyfill'), 'utf8').replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
  return generatedModuleAlias('webextension-polyfill', `webextension-polyfill-${name}.js`, polyfillModuleSource(umd));
}

/**
 * The UMD file sees `exports` defined and fills `module.exports` (its CommonJS branch). It runs
 * only where there is no native promise-based `browser`: where there is one, the package hands
 * it back as it is, and so does this module, without running (and so fully parsing) the
 * package's function first, in every frame.
 */
function polyfillModuleSource(umd: string): string {
  return [
    'function polyfill() {',
    'const module = { exports: {} };',
    'const exports = module.exports;',
    umd,
    'return module.exports;',
    '}',
    'export default globalThis.browser?.runtime?.id ? globalThis.browser : polyfill();',
    '',
  ].join('\n');
}

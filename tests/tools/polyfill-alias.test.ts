import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { Alias } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleIife } from '../../tools/build/bundle-iife';
import { polyfillAlias } from '../../tools/build/polyfill-alias';

/**
 * The generated ES module runs the package's own UMD file: with a native promise-based
 * `browser` (Firefox, current Chrome) its default export is that object itself, never a copy
 * whose making touched every API namespace; with only `chrome` it is the polyfill's wrapper.
 */
async function load(name: string): Promise<unknown> {
  const alias = polyfillAlias(name);
  expect(alias.find).toEqual(/^webextension-polyfill$/);
  const file = alias.replacement;
  expect(readFileSync(file, 'utf8')).toMatch(/export default globalThis\.browser\?\.runtime\?\.id \? globalThis\.browser : polyfill\(\);\n$/);
  return ((await import(/* @vite-ignore */ `${file}?${name}`)) as { default: unknown }).default;
}

describe('webextension-polyfill as an ES module', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands back a native browser object itself, reading none of its namespaces, without running the package', async () => {
    const touched: string[] = [];
    const native = { runtime: { id: 'ext-id' } } as Record<string, unknown>;
    for (const namespace of ['app', 'storage', 'i18n', 'tabs']) {
      Object.defineProperty(native, namespace, { enumerable: true, get: () => (touched.push(namespace), {}) });
    }
    // the package's first step reads chrome.runtime.id
    const chromeReads: string[] = [];
    vi.stubGlobal('chrome', new Proxy({ runtime: { id: 'ext-id' } }, { get: (target, key) => (chromeReads.push(String(key)), Reflect.get(target, key)) }));
    vi.stubGlobal('browser', native);
    expect(await load('test-native')).toBe(native);
    expect(touched).toEqual([]);
    expect(chromeReads).toEqual([]);
  });

  it('wraps chrome with promises when there is no native browser object', async () => {
    const sendMessage = vi.fn((message: unknown, reply: (answer: unknown) => void) => reply({ echoed: message }));
    vi.stubGlobal('chrome', { runtime: { id: 'ext-id', sendMessage, lastError: undefined } });
    vi.stubGlobal('browser', undefined);
    const api = (await load('test-wrapped')) as { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    await expect(api.runtime.sendMessage({ type: 'x' })).resolves.toEqual({ echoed: { type: 'x' } });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  /** src/shared/browser.ts bundled as the extension's build bundles it, run against a native `browser` that records reads */
  async function bundledBrowser(alias: Alias[]) {
    const code = await bundleIife(resolve('src/shared/browser.ts'), 'fcsBrowser', alias);
    const described: string[] = [];
    const native = new Proxy(
      { runtime: { id: 'ext-id' }, storage: {}, i18n: {}, app: {} },
      { getOwnPropertyDescriptor: (target, key) => (described.push(String(key)), Reflect.getOwnPropertyDescriptor(target, key)) },
    );
    const context = vm.createContext({ chrome: { runtime: { id: 'ext-id' } }, browser: native });
    vm.runInContext(code, context);
    return { api: (context as { fcsBrowser: { browser: unknown } }).fcsBrowser.browser, native, described };
  }

  it("is what the build uses: the bundled browser.ts is the native object, none of whose namespaces were described", async () => {
    const { api, native, described } = await bundledBrowser([polyfillAlias('test-bundle')]);
    expect(api).toBe(native);
    expect(described).toEqual([]);
  }, 30_000);

  it('(the package imported as CommonJS instead describes every namespace, which is what the alias avoids)', async () => {
    const { described } = await bundledBrowser([]);
    expect(described).toEqual(expect.arrayContaining(['runtime', 'storage', 'i18n', 'app']));
  }, 30_000);

  it('refuses to run outside an extension, as the package does', async () => {
    vi.stubGlobal('chrome', undefined);
    vi.stubGlobal('browser', undefined);
    await expect(load('test-outside')).rejects.toThrow(/browser extension/);
  });
});

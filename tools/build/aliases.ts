import type { Alias } from 'vite';
import { bundledLocalesAlias } from './locales-alias';
import { compiledPackAliases } from './pack-alias';
import { polyfillAlias } from './polyfill-alias';

/** Every generated module the sources import, for the build (vite.config.ts) and the tests (vitest.config.ts). */
export function projectAliases(name: string): Alias[] {
  return [...compiledPackAliases(name), bundledLocalesAlias(name), polyfillAlias(name)];
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { buildPack } from './pack-files';

/**
 * `virtual:fcs-pack` for Vite and Vitest: rules/*.yaml compiled with the same code the CLI and
 * tests use, written to a JSON file and aliased. An alias rather than a plugin because crxjs
 * builds standalone (IIFE) content scripts in a second Vite build that gets no plugins, only
 * the parent's `resolve`. Compiling here also makes a broken rule file fail the build (the
 * PackError names file, line, rule and field) before anything else runs.
 */
export function compiledPackAlias(name: string): Alias {
  const dir = fileURLToPath(new URL('../../node_modules/.cache/fcs-guard/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}pack-${name}.json`;
  writeFileSync(file, JSON.stringify(buildPack()));
  return { find: /^virtual:fcs-pack$/, replacement: file };
}

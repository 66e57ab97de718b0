import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { buildPack } from './pack-files';
import { packForTransport } from '../engine/pack-transport';

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
  const file = `${dir}pack-${name}.js`;
  // JSON.parse of a string is much faster for V8 than evaluating the same object literal,
  // and the content script evaluates this in every frame; the entries travel as columns
  const transport = fileURLToPath(new URL('../engine/pack-transport.ts', import.meta.url));
  const json = JSON.stringify(JSON.stringify(packForTransport(buildPack())));
  writeFileSync(
    file,
    `import { packFromTransport } from ${JSON.stringify(transport)};\nexport default packFromTransport(JSON.parse(${json}));\n`,
  );
  return { find: /^virtual:fcs-pack$/, replacement: file };
}

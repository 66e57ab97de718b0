import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { escapeRegex } from './escape-regex';

/**
 * A module written at config time under node_modules/.cache and aliased, for Vite and Vitest.
 * An alias rather than a plugin because crxjs builds standalone (IIFE) content scripts in a
 * second Vite build that gets no plugins, only the parent's `resolve`.
 */
export function generatedModuleAlias(specifier: string, fileName: string, source: string): Alias {
  const dir = fileURLToPath(new URL('../../node_modules/.cache/fcs-guard/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${fileName}`, source);
  return { find: new RegExp(`^${escapeRegex(specifier)}$`), replacement: `${dir}${fileName}` };
}

/**
 * `export default` a function returning <value>, parsed on its first call from a string literal
 * (V8 reads a string much faster than the same object literal): for data a context may never
 * need (the bundled locales, when the language follows the browser's), so that evaluating the
 * content script in every frame neither compiles it as code nor parses it.
 */
export function lazyJsonModuleSource(value: unknown): string {
  return `let value;\nexport default function () {\n  return (value ??= JSON.parse(${JSON.stringify(JSON.stringify(value))}));\n}\n`;
}

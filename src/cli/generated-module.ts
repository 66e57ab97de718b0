import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { escapeRegex } from '../shared/regex';

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
 * `export default <value>` as JSON.parse of a string literal: V8 reads a string much faster
 * than the same object literal, and the content script evaluates this in every frame.
 */
export function jsonModuleSource(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
}

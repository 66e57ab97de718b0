import type { Alias } from 'vite';

/**
 * `entry` and what it imports as one classic script, bundled by Vite in memory (no config
 * file, nothing written): `var <name> = (function(exports) { … })({})`.
 */
export async function bundleIife(entry: string, name: string, alias: Alias[] = []): Promise<string> {
  const { build } = await import('vite');
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias },
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js` } },
  });
  const output = (Array.isArray(built) ? built[0] : built) as { output?: { type: string; code?: string }[] };
  const chunk = output.output?.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`bundling ${entry} gave no code`);
  return chunk.code;
}

import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { buildPack } from './pack-files';
import { generatedModuleAlias } from './generated-module';
import { packForTransport } from '../engine/pack-transport';

/**
 * `virtual:fcs-pack` for Vite and Vitest: rules/*.yaml compiled with the same code the CLI and
 * tests use. Compiling here also makes a broken rule file fail the build (the PackError names
 * file, line, rule and field) before anything else runs. The content script evaluates this in
 * every frame: the pack travels compact (pack-transport.ts) as a string JSON.parse reads, and
 * `compiledPack()` decodes it on first call, so the content script can leave that out of its
 * start-up task (the default export is the same pack, decoded at import; unused, it is dropped).
 */
export function compiledPackAlias(name: string): Alias {
  const transport = fileURLToPath(new URL('../engine/pack-transport.ts', import.meta.url));
  const json = JSON.stringify(JSON.stringify(packForTransport(buildPack())));
  return generatedModuleAlias(
    'virtual:fcs-pack',
    `pack-${name}.js`,
    [
      `import { packFromTransport } from ${JSON.stringify(transport)};`,
      'let decoded;',
      `export function compiledPack() { return (decoded ??= packFromTransport(JSON.parse(${json}))); }`,
      'export default /* @__PURE__ */ compiledPack();',
      '',
    ].join('\n'),
  );
}

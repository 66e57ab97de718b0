import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { buildPack } from '../../src/cli/pack-files';
import { generatedModuleAlias } from './generated-module';
import { checkCompiledPack } from '../../src/engine/compiled-pack';
import { packForTransport } from '../../src/engine/pack-transport';

/**
 * The built-in pack for Vite and Vitest: rules/*.yaml compiled with the same code the CLI and
 * tests use. Compiling here also makes a broken rule file fail the build (the PackError names
 * file, line, rule and field) before anything else runs. Two modules:
 * - `virtual:fcs-pack`: the compiled pack (background, popup, options);
 * - `virtual:fcs-pack-transport`: the pack as the compact JSON text of pack-transport.ts, which
 *   the content scripts carry (src/content/builtin-pack.ts).
 */
export function compiledPackAliases(name: string): Alias[] {
  const decoder = fileURLToPath(new URL('../../src/engine/pack-transport.ts', import.meta.url));
  const transport = generatedModuleAlias(
    'virtual:fcs-pack-transport',
    `pack-transport-${name}.js`,
    `export default ${JSON.stringify(JSON.stringify(packForTransport(checkCompiledPack(buildPack()))))};\n`,
  );
  const pack = generatedModuleAlias(
    'virtual:fcs-pack',
    `pack-${name}.js`,
    [
      `import { packFromTransport } from ${JSON.stringify(decoder)};`,
      `import json from ${JSON.stringify(transport.replacement)};`,
      'export default packFromTransport(JSON.parse(json));',
      '',
    ].join('\n'),
  );
  return [pack, transport];
}

import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { buildPackWithModel } from '../../src/cli/pack-files';
import { generatedModuleAlias } from './generated-module';
import { checkCompiledPack } from '../../src/engine/compiled-pack';
import { packForTransport } from '../../src/engine/pack-transport';

/**
 * The built-in pack and the lure model for Vite and Vitest: rules/*.yaml compiled, and the model
 * trained from rules/corpus, by the same code the CLI and tests use. Doing it here also makes a
 * broken rule file or corpus line fail the build (the error names file, line and field) before
 * anything else runs. Three modules:
 * - `virtual:fcs-pack`: the compiled pack without the model (background, popup, options);
 * - `virtual:fcs-pack-transport`: the same pack as the compact JSON text of pack-transport.ts,
 *   which the content scripts carry (src/content/builtin-pack.ts);
 * - `virtual:fcs-model`: the model, which only the background reads with.
 */
export function compiledPackAliases(name: string): Alias[] {
  const decoder = fileURLToPath(new URL('../../src/engine/pack-transport.ts', import.meta.url));
  const { model, ...pack } = checkCompiledPack(buildPackWithModel().pack);
  const transport = generatedModuleAlias(
    'virtual:fcs-pack-transport',
    `pack-transport-${name}.js`,
    `export default ${JSON.stringify(JSON.stringify(packForTransport(pack)))};\n`,
  );
  const packModule = generatedModuleAlias(
    'virtual:fcs-pack',
    `pack-${name}.js`,
    [
      `import { packFromTransport } from ${JSON.stringify(decoder)};`,
      `import json from ${JSON.stringify(transport.replacement)};`,
      'export default packFromTransport(JSON.parse(json));',
      '',
    ].join('\n'),
  );
  // a string parsed on load: V8 reads JSON text much faster than the same object literal
  const modelModule = generatedModuleAlias('virtual:fcs-model', `model-${name}.js`, `export default JSON.parse(${JSON.stringify(JSON.stringify(model ?? null))});\n`);
  return [packModule, transport, modelModule];
}

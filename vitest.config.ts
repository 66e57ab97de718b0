import { defineConfig } from 'vitest/config';
import { projectAliases } from './tools/build/aliases';

// Engine and rule tests run in Node; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` line. Real browsers live in vitest.e2e.config.ts.
export default defineConfig({
  resolve: { alias: projectAliases('test') },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
    environment: 'node',
    // the compiled pack module is generated under node_modules/.cache and imports the engine's
    // TypeScript: run it through Vite like our own code instead of handing it to Node
    server: { deps: { inline: [/\.cache\/fcs-guard\//] } },
  },
});

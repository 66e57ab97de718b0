import { defineConfig } from 'vitest/config';
import { compiledPackAlias } from './src/cli/pack-alias';

// Engine and rule tests run in Node; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` line. Real browsers live in vitest.e2e.config.ts.
export default defineConfig({
  resolve: { alias: [compiledPackAlias('test')] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});

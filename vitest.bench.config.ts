import { defineConfig } from 'vitest/config';
import { projectAliases } from './tools/build/aliases';

// Tests of the measuring tools (tools/bench): not of the product, so they run in a tier of their
// own, once per CI run. The browser ones need a build, like the e2e tier.
export default defineConfig({
  resolve: { alias: projectAliases('bench') },
  test: {
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/require-build.ts'],
    server: { deps: { inline: [/\.cache\/fcs-guard\//] } },
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});

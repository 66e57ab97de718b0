import { defineConfig } from 'vitest/config';

// Real browsers against the built extension (`npm run build` first; `npm test` does it).
// One file at a time: each file starts its own browser, and CI has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/require-build.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // a flaky browser start should show as a failure, not be hidden by a retry
    retry: 0,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The test files share their workers' module cache: the source is loaded once per worker, not
    // once per file (half the suite's CPU time). No test mocks modules or changes process state;
    // temporary folders are removed by the test that made them (helpers.tmp).
    isolate: false,
  },
});

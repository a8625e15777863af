import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `npm test` runs the fast one: unit tests and the CLI run in-process (what every
 * change must pass, in under a minute). `npm run test:all` runs both: the fast tier and these,
 * the full tier's own files — fuzz and property tests, scale, the browser, the built binary end
 * to end, and the build and start-up checks. `.ci/run` runs `npm run test:all`.
 */
export const FULL_TIER = [
  // fuzz and property tests (thousands of generated inputs)
  'test/fuzz.test.ts',
  'test/properties.test.ts',
  'test/fast-paths.test.ts',
  // scale: large and endless inputs, many units
  'test/scale.test.ts',
  'test/streaming.test.ts',
  // the report: every page made and checked (Vega's charts; the fast tier makes two, in
  // lang.test.ts), and in Chromium
  'test/report/report.test.ts',
  'test/report/browser.test.ts',
  'test/report/pictures.test.ts',
  // the built binary as a process: end to end, standard output, the build and start-up
  'test/e2e.test.ts',
  'test/stdout.test.ts',
  'test/startup.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 30_000,
    // The test files share their workers' module cache: the source is loaded once per worker, not
    // once per file (half the suite's CPU time). No test mocks modules or changes process state;
    // temporary folders are removed by the test that made them (helpers.tmp).
    isolate: false,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: FULL_TIER } },
      { extends: true, test: { name: 'full', include: FULL_TIER } },
    ],
  },
});

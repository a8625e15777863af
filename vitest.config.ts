import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Snapshots are committed; CI=true must never write new ones silently.
    testTimeout: 30_000,
    pool: 'forks',
  },
});

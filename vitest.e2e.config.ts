import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests in a real browser (tests/e2e/harness.ts). Builds come first: `npm run test:e2e` runs
// `build:e2e` (Chromium test build) and `build:firefox`, then this config.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    retry: 0,
  },
});

import { defineConfig } from 'vitest/config';

// The workbook's own code: schemas, sandbox runtime, grader, server, scripts. The reference service
// runs under its own config (service/vitest.config.ts, with coverage); browser tests under Playwright.
export default defineConfig({
  test: {
    name: 'workbook',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'grader/**/*.spec.ts', 'server/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});

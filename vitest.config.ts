import { defineConfig } from 'vitest/config';

// The workbook's own code: schemas, sandbox runtime, grader, server, scripts. The reference service
// runs under its own config (service/vitest.config.ts, with coverage); browser tests under Playwright.
export default defineConfig({
  test: {
    name: 'workbook',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'grader/**/*.spec.ts', 'server/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    // Grader fixtures hold learner-style specs (write-tests answers) and grading workspaces hold
    // copies of the service: they run inside the grader, never as the workbook's own tests.
    exclude: ['**/node_modules/**', 'grader/fixtures/**', '**/.workbook/**'],
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The reference service's own test run: unit specs beside the code, contract suites against real
// Redis and PostgreSQL on 127.0.0.1, and end-to-end tests in test/. Coverage is part of the run
// so a drop below the threshold fails `npm test`.
export default defineConfig({
  test: {
    name: 'service',
    root: import.meta.dirname,
    environment: 'node',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites share one PostgreSQL database and one Redis; running files one at a time keeps the
    // two-core machines responsive and the contract suites independent.
    fileParallelism: false,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/**/*.contract.ts', 'src/generated/**', 'src/main.ts'],
      reporter: ['text-summary', 'json-summary'],
      // One directory per run: Vitest refuses to share one between concurrent runs, and several
      // people (or CI jobs) may test this workspace at the same time.
      reportsDirectory: process.env['SERVICE_COVERAGE_DIR'] ?? join(tmpdir(), `workbook-service-coverage-${process.pid}`),
      thresholds: { lines: 85 },
    },
  },
});

import { defineConfig } from 'vitest/config';

// `npm test` runs your tests with coverage. Milestone 4 runs `vitest run` with this config too, but
// measures coverage with settings of its own (every src/**/*.ts except tests, main.ts, generated code).
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // PGlite starts in ~7 CPU seconds: on a loaded machine its beforeAll outlives the 10 s default.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/**/*.test.ts', 'src/main.ts', 'src/generated/**'],
      reporter: ['text', 'json-summary'],
    },
  },
});

import { defineConfig } from 'vitest/config';

// Milestone 4 runs `npm test` and reads coverage/coverage-summary.json: keep the json-summary reporter.
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/main.ts'],
      reporter: ['text', 'json-summary'],
    },
  },
});

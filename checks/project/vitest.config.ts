import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// A milestone may register shared state once (e.g. members, under the /auth rate limit).
const setup = join(import.meta.dirname, process.env['PROJECT_MILESTONE'] ?? '-', 'global-setup.ts');

// The acceptance suites run on the host, one milestone at a time, against a service the grader
// started (PROJECT_URL). Files run one after another: they share that one service.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['m*/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
    globalSetup: existsSync(setup) ? [setup] : [],
  },
});

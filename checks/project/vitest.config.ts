import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// A milestone may register shared state once (e.g. members, under the /auth rate limit).
const setup = join(import.meta.dirname, process.env['PROJECT_MILESTONE'] ?? '-', 'global-setup.ts');

/**
 * Files run in name order, as the report lists them, on every machine: Vitest's own order puts
 * files that failed or took longest first once it has a results cache (and largest first without
 * one), so a clean clone and a warm checkout ran the suite in different orders.
 */
class NameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

// The acceptance suites run on the host, one milestone at a time, against a service the grader
// started (PROJECT_URL). Files run one after another: they share that one service.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['m*/**/*.spec.ts'],
    fileParallelism: false,
    sequence: { sequencer: NameOrder },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
    // First wait until the service answers (the suite starts while it starts), then the milestone's own.
    globalSetup: [join(import.meta.dirname, 'helpers', 'service-ready.ts'), ...(existsSync(setup) ? [setup] : [])],
  },
});

import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Milestones whose files share two members registered once (helpers/members.ts). */
const SHARED_MEMBERS = new Set(['m2', 'm3']);
/** Milestones that start no service (M4 reads what the intern's own test run wrote): no waiting for one. */
const NO_SERVICE = new Set(['m4']);
const milestone = process.env['PROJECT_MILESTONE'] ?? '';

/**
 * Files run in name order, as the report lists them, on every machine and in every run: Vitest's
 * own order puts files that failed or took longest first once it has a results cache (largest
 * first without one), and every run of these suites shares one cache (checks/project/node_modules/.vite).
 * In the integrity test the skeleton's and the variants' runs finish first and write it, so the
 * reference's run, starting later, took their order: that is how M2's old queue check, which
 * relied on a job events.spec.ts caused, ran before events.spec.ts only in CI.
 */
class NameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

// The acceptance suites run on the host, one milestone at a time, against a service the grader
// started (PROJECT_URL). Files run one after another in one worker, without isolation: they share
// that one service, the members, and the client libraries loaded while the service started.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['m*/**/*.spec.ts'],
    fileParallelism: false,
    isolate: false,
    sequence: { sequencer: NameOrder },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    retry: 0,
    // Waits until the service answers (the suite starts while it starts), then registers the members.
    setupFiles: NO_SERVICE.has(milestone) ? [] : [join(import.meta.dirname, 'helpers', 'setup.ts')],
    provide: { sharedMembers: SHARED_MEMBERS.has(milestone) },
  },
});

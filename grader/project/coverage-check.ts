// `workbook project check m4`: the intern's own tests run with coverage in the grader's isolation
// (coverage-run.ts), then the milestone's checks (checks/project/m4/) read what the run wrote, on
// the host, in their own Vitest process, and stream per-check results like the other milestones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageRun } from '../../src/schemas/project-coverage.ts';
import type { CheckReport, CheckResult, Isolation } from '../../src/schemas/report.ts';
import { memoryLimitSentence } from '../sandbox/bubblewrap.ts';
import { createBacking, type RunBacking } from './backing.ts';
import { type FinishedRun, RUN_MEMORY_MEGABYTES, runProjectTests } from './coverage-run.ts';
import { runSuite } from './run-suite.ts';

/** How long the intern's whole test run may take (the reference's takes minutes on a loaded machine). */
const TESTS_LIMIT_MS = 900_000;
const CHECKS_LIMIT_MS = 120_000;

export type Reporter = (
  status: CheckReport['status'],
  checks: CheckResult[],
  isolation: Isolation,
  message?: string,
  detail?: string,
) => CheckReport;

export interface CoverageCheckOptions {
  repo: string;
  dir: string;
  isolation?: 'auto' | 'none';
  only?: string | undefined;
  expected: string[];
  onCheck: (check: CheckResult) => void;
  report: Reporter;
  /** Aborted: the tests or the checks are killed, the backing dropped, the report is an error saying `cancelledMessage`. */
  signal: AbortSignal;
  cancelledMessage: string;
}

/** What a milestone 4 report says ran, in one sentence per isolation. */
export function coverageIsolationDetail(isolation: Isolation): string {
  const measured =
    ' The grader measured coverage itself from the per-statement report the run wrote (never from its summary or output).';
  return isolation === 'bubblewrap'
    ? `Your tests ran in a bubblewrap sandbox (no network but PostgreSQL and Redis through the grader's relays as a per-run role and ACL user, your folder read-only, own processes, emptied environment).${memoryLimitSentence(RUN_MEMORY_MEGABYTES)}${measured}`
    : `Your tests ran as a plain process with an emptied environment (no bubblewrap on this machine): they could reach this machine's files and network.${measured}`;
}

export async function checkCoverage(o: CoverageCheckOptions): Promise<CheckReport> {
  let backing: RunBacking;
  try {
    backing = await createBacking(undefined, { createDatabases: true });
  } catch (error) {
    return o.report('error', [], 'none', (error as Error).message, 'Nothing ran: a backing service is missing.');
  }
  const cancelled = (checks: CheckResult[], isolation: Isolation) =>
    o.report('error', checks, isolation, o.cancelledMessage, coverageIsolationDetail(isolation));
  const host = mkdtempSync(join(tmpdir(), 'workbook-m4-run-'));
  let run: FinishedRun | undefined;
  try {
    if (o.signal.aborted) return cancelled([], 'none');
    run = await runProjectTests({
      repo: o.repo,
      dir: o.dir,
      backing,
      limitMs: TESTS_LIMIT_MS,
      signal: o.signal,
      ...(o.isolation ? { isolation: o.isolation } : {}),
    });
    if (o.signal.aborted) return cancelled([], run.isolation);
    // The record lives outside the scratch: the sandbox could write there, not here.
    const record: CoverageRun = {
      dir: run.dir,
      scratch: run.scratch,
      exitCode: run.exitCode,
      timedOut: run.timedOut,
      limitSeconds: run.limitSeconds,
      output: run.output,
    };
    const file = join(host, 'run.json');
    writeFileSync(file, JSON.stringify(record));
    const outcome = await runSuite(
      o.repo,
      'm4',
      { PROJECT_M4_RUN: file },
      o.onCheck,
      CHECKS_LIMIT_MS,
      o.only,
      o.signal,
    );
    if (o.signal.aborted) return cancelled(outcome.checks, run.isolation);
    const detail = coverageIsolationDetail(run.isolation);
    if (outcome.problem)
      return o.report(outcome.problem.kind, outcome.checks, run.isolation, outcome.problem.message, detail);
    const ran = outcome.checks.filter((c) => c.status !== 'skipped');
    const complete = o.only ? ran.length === 1 : ran.length === o.expected.length;
    const passed = complete && ran.every((c) => c.status === 'passed');
    return o.report(passed ? 'passed' : 'failed', outcome.checks, run.isolation, undefined, detail);
  } finally {
    // Each step runs even if one before it failed: a folder still busy must not leave the run's
    // database, role and Redis user behind.
    const steps = [() => run?.discard(), () => rmSync(host, { recursive: true, force: true }), () => backing.close()];
    for (const step of steps)
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
  }
}

// Runs one milestone's acceptance suite (trusted code, on the host) against a running service.
// Its own Vitest process: the suites never share a process with the grader or the service.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ProjectMilestone } from '../../src/schemas/project.ts';
import type { CheckResult } from '../../src/schemas/report.ts';
import { declaredTestNames } from '../report.ts';
import { SUITE_LINE, type SuiteLine } from './suite-reporter.ts';

export const suitesDir = (repo: string) => join(repo, 'checks', 'project');

/** The milestone's spec files, in name order (the order they run and report). */
export function suiteFiles(repo: string, milestone: ProjectMilestone): string[] {
  const dir = join(suitesDir(repo), milestone);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()
    .map((name) => join(dir, name));
}

/** Every check of the milestone, in order, as the learner will read them. */
export function milestoneChecks(repo: string, milestone: ProjectMilestone): string[] {
  return suiteFiles(repo, milestone).flatMap((file) => declaredTestNames(readFileSync(file, 'utf8')));
}

export interface SuiteOutcome {
  checks: CheckResult[];
  /** Set when the suite itself could not run or ran out of time. */
  problem?: { kind: 'timeout' | 'error'; message: string };
}

/** Runs the suite with PROJECT_URL (and `env`) set; `onCheck` gets each result as it lands. */
export function runSuite(
  repo: string,
  milestone: ProjectMilestone,
  env: Record<string, string>,
  onCheck: (check: CheckResult) => void,
  timeLimitMs: number,
  only?: string,
  /** Aborted when the run ends early (the service did not start): the suite is killed. */
  signal?: AbortSignal,
): Promise<SuiteOutcome> {
  const vitest = join(repo, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--config', join(suitesDir(repo), 'vitest.config.ts')];
  args.push('--reporter', join(import.meta.dirname, 'suite-reporter.ts'));
  // `only`: one check by its exact name (the integrity test's broken variants); the rest are skipped.
  if (only) args.push('-t', `^(.* )?${only.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  args.push(`${milestone}/`);
  const child = spawn(process.execPath, args, {
    cwd: suitesDir(repo),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PROJECT_MILESTONE: milestone, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const checks: CheckResult[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  createInterface({ input: child.stdout }).on('line', (text) => {
    if (!text.startsWith(SUITE_LINE)) return;
    const line = JSON.parse(text.slice(SUITE_LINE.length)) as SuiteLine;
    const check: CheckResult = { name: line.name, status: line.state, durationMs: line.durationMs };
    if (line.message) check.message = line.message;
    checks.push(check);
    onCheck(check);
  });
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  signal?.addEventListener('abort', kill, { once: true });
  if (signal?.aborted) kill();
  return new Promise((resolve) => {
    const timer = setTimeout(kill, timeLimitMs);
    child.once('exit', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (exitSignal === 'SIGKILL')
        return resolve({
          checks,
          problem: {
            kind: 'timeout',
            message: `The milestone's checks ran out of time (${timeLimitMs / 1000} s): a request to your service probably never answered.`,
          },
        });
      if (code !== 0 && checks.length < (only ? 1 : milestoneChecks(repo, milestone).length))
        return resolve({
          checks,
          problem: {
            kind: 'error',
            message: `The acceptance suite stopped early (exit ${code}): ${stderr.trim().slice(-1500)}`,
          },
        });
      resolve({ checks });
    });
  });
}

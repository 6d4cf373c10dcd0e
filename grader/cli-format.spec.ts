import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/schemas/report.ts';
import { formatReport, type Style } from './cli-format.ts';

const plain: Style = { green: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };
const report = (extra: Partial<CheckReport>): CheckReport => ({
  version: 1,
  exerciseId: 'task-entity-complete',
  status: 'passed',
  checks: [{ name: 'complete() marks the task completed', status: 'passed', durationMs: 2 }],
  durationMs: 40,
  engine: 'cli',
  isolation: 'bubblewrap',
  finishedAt: '2026-12-06T01:00:00.000Z',
  ...extra,
});

describe('formatReport', () => {
  it('says which isolation the run had', () => {
    expect(formatReport(report({}), plain)).toContain('Ran isolated: bubblewrap sandbox');
    expect(formatReport(report({ isolation: 'permissions' }), plain)).toContain("Node's permission model only");
    expect(formatReport(report({ isolation: 'none' }), plain)).toContain('Ran without isolation');
  });

  it('lists every attempt the sandbox refused', () => {
    const text = formatReport(
      report({ status: 'error', attempts: ['read outside the workspace: /etc/passwd', 'network: 127.0.0.1:6379'] }),
      plain,
    );
    expect(text).toContain('⚠ refused: read outside the workspace: /etc/passwd');
    expect(text).toContain('⚠ refused: network: 127.0.0.1:6379');
    expect(formatReport(report({}), plain)).not.toContain('refused');
  });

  it('an error is "error" with its place and lists every check as not run, not as failed', () => {
    const text = formatReport(
      report({
        status: 'error',
        message: `Your code has a type error:\nsrc/domain/task/task.entity.ts:7:3 Type 'string' is not assignable to type 'number'. (TS2322)\nFix them and run the checks again.`,
        checks: [
          { name: 'complete() marks the task completed', status: 'failed', message: 'boom', durationMs: 2 },
          { name: 'complete() keeps the title', status: 'passed', durationMs: 2 },
        ],
      }),
      plain,
      { files: ['src/domain/task/task.entity.ts'], at: (p) => `my-folder/${p}` },
    );
    expect(text).toContain('task-entity-complete: error (the checks did not run');
    expect(text).not.toMatch(/\d+\/\d+ checks/);
    expect(text).toContain("my-folder/src/domain/task/task.entity.ts:7:3 Type 'string'");
    expect(text).toContain('not run: complete() marks the task completed');
    expect(text).toContain('not run: complete() keeps the title');
    expect(text).not.toContain('boom');
  });

  it("prints a failing check's frame as a path the terminal opens", () => {
    const text = formatReport(
      report({
        status: 'failed',
        checks: [
          {
            name: 'complete() throws',
            status: 'failed',
            message: '\nError: not implemented\nat src/domain/task/task.entity.ts:42:11',
            durationMs: 2,
          },
        ],
      }),
      plain,
      { files: ['src/domain/task/task.entity.ts'], at: (p) => `../work/${p}` },
    );
    expect(text).toContain('(0/1 checks');
    expect(text).toContain('      Error: not implemented\n      at ../work/src/domain/task/task.entity.ts:42:11');
  });

  it('names the stage of a tdd report, and nothing for other kinds', () => {
    expect(formatReport(report({ stage: 'spec' }), plain).split('\n')[0]).toContain(
      'task-entity-complete (stage 1, your spec): passed',
    );
    expect(formatReport(report({ stage: 'implementation' }), plain)).toContain('(stage 2, your implementation)');
    expect(formatReport(report({}), plain)).not.toContain('stage');
  });
});

describe('identity failures', () => {
  it('print a large value once, not as identical "expected" and "received"', () => {
    const value = `Task { ${'field: 1, '.repeat(60)}}`;
    const text = formatReport(
      report({
        status: 'failed',
        checks: [
          {
            name: 'returns the cached task instance',
            status: 'failed',
            durationMs: 3,
            message: `expected ${value} to be ${value} // Object.is equality`,
            expected: value,
            received: value,
          },
        ],
      }),
      plain,
    );
    expect(text.split(value).length - 1).toBe(1);
    expect(text).toContain('expected and received print the same');
    expect(text).toContain('the check compares identity');
  });
});

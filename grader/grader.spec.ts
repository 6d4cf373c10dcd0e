// The engine's own guarantees, on a tiny fixture repository (grader/fixtures/engine-root): real
// child processes, real Vitest, real PGlite and Redis. Learner code must never take it down.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../src/catalog/load.ts';
import { checkReportSchema, gradeEventSchema, type GradeEvent } from '../src/schemas/report.ts';
import { createGrader, type Grader } from './index.ts';

const root = join(import.meta.dirname, 'fixtures', 'engine-root');
const solution = loadExercise(root, 'sum').solution['src/sum.ts'] ?? '';
const withBody = (body: string) => `export function sum(a: number, b: number): number {\n${body}\n}\n`;
const sum = (code: string) => ({ exerciseId: 'sum', files: { 'src/sum.ts': code } });

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 2 });
  await grader.grade(sum(solution)); // warm both the runner and Vitest's transforms
});
afterAll(() => grader.close());

function serviceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'service'));
  return hash.digest('hex');
}

describe('grading', () => {
  it('grades a correct answer as passed, streaming queued → started → checks → report', async () => {
    const events: GradeEvent[] = [];
    const report = await grader.grade(sum(solution), { onEvent: (e) => events.push(gradeEventSchema.parse(e)) });
    expect(checkReportSchema.parse(report).status).toBe('passed');
    expect(report.engine).toBe('local');
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', 'check', 'check', 'report']);
    const started = events[1];
    expect(started?.type === 'started' && started.checks).toEqual([
      'sum() adds two positive numbers',
      'sum() adds negative numbers',
    ]);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['sum() adds two positive numbers', 'passed'],
      ['sum() adds negative numbers', 'passed'],
    ]);
  });

  it('reports a wrong answer as failed, with expected and received values and no grader frames', async () => {
    const report = await grader.grade(sum(withBody('  return a - b;')));
    expect(report.status).toBe('failed');
    const check = report.checks.find((c) => c.name === 'sum() adds negative numbers');
    expect(check).toMatchObject({ status: 'failed', expected: '-5', received: '1' });
    expect(check?.message).toContain('sum(-2, -3)');
    for (const c of report.checks)
      expect(c.message ?? '').not.toMatch(/node_modules|\/grader\/|\.workbook|__checks__\/.*:\d+/);
  });

  it('failure messages show the whole values, never a truncated {…(n)} or […]', async () => {
    const right = readFileSync(join(root, 'solutions/shape/src/shape.ts'), 'utf8');
    const report = await grader.grade({
      exerciseId: 'shape',
      files: {
        'src/shape.ts': right.replace("roles: ['member', 'reviewer', 'owner']", "roles: ['member', 'reviewer']"),
      },
    });
    const check = report.checks[0];
    expect(check?.status).toBe('failed');
    const shown = [check?.message, check?.expected, check?.received].join('\n');
    expect(shown).not.toMatch(/…|\[Object\]|\[Array\]|\{\.\.\.\}/);
    expect(check?.expected).toContain('"owner"');
    expect(check?.received).toContain('"finance"');
  });

  it('never modifies service/, and two concurrent grades do not see each other’s files', async () => {
    const before = serviceHash();
    const [good, bad] = await Promise.all([grader.grade(sum(solution)), grader.grade(sum(withBody('  return 0;')))]);
    expect(good.status).toBe('passed');
    expect(bad.status).toBe('failed');
    expect(serviceHash()).toBe(before);
  });

  it('rejects a file that is not editable in the exercise, and an unknown exercise', async () => {
    await expect(
      grader.grade({ exerciseId: 'sum', files: { 'src/untouched.ts': 'export const untouched = false;' } }),
    ).rejects.toThrow(/not an editable file.*src\/sum\.ts/);
    await expect(grader.grade({ exerciseId: 'no-such-exercise', files: {} })).rejects.toThrow(
      /Unknown exercise "no-such-exercise".*workbook list/,
    );
  });

  it('an aborted grade rejects and the next one still works', async () => {
    const controller = new AbortController();
    const pending = grader.grade(sum(withBody('  for (;;) {}')), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('learner pressed stop')), 300);
    await expect(pending).rejects.toThrow('learner pressed stop');
    expect((await grader.grade(sum(solution))).status).toBe('passed');
  });
});

describe('learner code cannot take the grader down', () => {
  it('an infinite loop ends as timeout within the limit plus one second, and the next run passes', async () => {
    const started = performance.now();
    const report = await grader.grade(sum(withBody('  for (;;) {}')));
    const elapsed = performance.now() - started;
    expect(report.status).toBe('timeout');
    expect(report.message).toMatch(/did not finish within 5 s/);
    expect(elapsed).toBeLessThan(5000 + 1000);
    expect((await grader.grade(sum(solution))).status).toBe('passed');
  });

  it('process.exit() is an error that says so, and the grader recovers', async () => {
    const report = await grader.grade(sum(withBody('  process.exit(3);\n  return a + b;')));
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/called process\.exit\(\)/);
    expect((await grader.grade(sum(solution))).status).toBe('passed');
  });

  it('a syntax error is an error naming the file and line', async () => {
    const report = await grader.grade(sum('export function sum(a: number, b: number): number {\n  return a + ;\n}\n'));
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/does not compile/);
    expect(report.message).toMatch(/src\/sum\.ts:2/);
  });

  it('a throw while the module loads is an error with the learner’s message and location', async () => {
    const report = await grader.grade(sum(`throw new Error('config missing');\n${solution}`));
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/config missing/);
    expect(report.message).toMatch(/src\/sum\.ts:1/);
    expect((await grader.grade(sum(solution))).status).toBe('passed');
  });

  it('runaway memory is an error about memory, and the grader recovers', async () => {
    // A small heap cap, so the time limit of this exercise is not what stops the hoarding.
    const small = await createGrader({ root, workerMemoryMb: 96 });
    try {
      await small.grade(sum(solution)); // warm, so the limit measures the hoarding only
      const report = await small.grade(
        sum(withBody('  const hoard: number[][] = [];\n  for (;;) hoard.push(new Array(1e6).fill(a));')),
      );
      expect(report.status).toBe('error');
      expect(report.message).toMatch(/more memory than a grading run allows/);
      expect((await small.grade(sum(solution))).status).toBe('passed');
    } finally {
      await small.close();
    }
  });

  it('a flood of output is an error about output, and the grader recovers', async () => {
    const report = await grader.grade(
      sum(withBody('  for (let i = 0; i < 100000; i++) console.log("debug", i, "x".repeat(40));\n  return a + b;')),
    );
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/printed more than/);
    expect((await grader.grade(sum(solution))).status).toBe('passed');
  });
});

describe('warm state never leaks between runs', () => {
  it('a runner restarted after a crash does not serve code from before a change', async () => {
    await grader.close();
    grader = await createGrader({ root }); // one slot, so every grade below shares the runner
    expect((await grader.grade(sum(solution))).status).toBe('passed'); // src/sum.ts transformed once
    const crash = await grader.grade({
      exerciseId: 'redis-counter',
      files: { 'src/counter.ts': "throw new Error('boom');\n" },
    });
    expect(crash.status).toBe('error'); // a crashed run replaces the kept worker
    expect((await grader.grade(sum(solution))).status).toBe('passed'); // the new worker starts with src/sum.ts unchanged
    const wrong = await grader.grade(sum(withBody('  return a * b;')));
    expect(wrong.status, 'the changed src/sum.ts must be the code that runs').toBe('failed');
  });
});

describe('infrastructure', () => {
  it('db: every run starts from an empty, migrated database', async () => {
    const files = { 'src/notes.ts': readFileSync(join(root, 'solutions/notes-db/src/notes.ts'), 'utf8') };
    for (let run = 0; run < 2; run++) {
      const report = await grader.grade({ exerciseId: 'notes-db', files });
      expect(report.status, JSON.stringify(report.checks)).toBe('passed');
    }
  });

  it('redis: every run gets a key space of its own', async () => {
    const files = { 'src/counter.ts': readFileSync(join(root, 'solutions/redis-counter/src/counter.ts'), 'utf8') };
    for (let run = 0; run < 2; run++)
      expect((await grader.grade({ exerciseId: 'redis-counter', files })).status).toBe('passed');
  });

  it('redis: when no Redis answers, the report says so and how to start one', async () => {
    const offline = await createGrader({ root, redisUrl: 'redis://127.0.0.1:1' });
    try {
      const report = await offline.grade({ exerciseId: 'redis-counter', files: {} });
      expect(report.status).toBe('error');
      expect(report.message).toMatch(/nothing answered at redis:\/\/127\.0\.0\.1:1/);
      expect(report.message).toMatch(/redis-server --daemonize yes/);
    } finally {
      await offline.close();
    }
  });
});

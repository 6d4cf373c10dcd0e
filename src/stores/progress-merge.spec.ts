import { describe, expect, it } from 'vitest';
import type { ExerciseProgress, Progress } from '../schemas/progress.ts';
import { buildProgressFile, parseProgressFile } from './progress-file.ts';
import { mergeProgress } from './progress-merge.ts';

const entry = (over: Partial<ExerciseProgress> = {}): ExerciseProgress => ({
  files: { 'src/a.ts': 'mine' },
  status: 'attempted',
  attempts: 1,
  hintsUsed: 0,
  solutionViewed: false,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});
const progress = (exercises: Record<string, ExerciseProgress>, extra: Record<string, unknown> = {}): Progress => ({
  version: 1,
  exercises,
  ...extra,
});

describe('mergeProgress', () => {
  it('adds exercises the browser does not have, and says so', () => {
    const { merged, changes } = mergeProgress(
      progress({ a: entry() }),
      progress({ b: entry({ status: 'passed', attempts: 3 }) }),
      (id) => `Exercise ${id.toUpperCase()}`,
    );
    expect(Object.keys(merged.exercises)).toEqual(['a', 'b']);
    expect(changes).toEqual(['Exercise B: added (passed, 3 runs).']);
  });

  it('merges the stages of a tdd exercise one by one: a passed stage stays passed, the earliest pass is kept', () => {
    const report = (stage: 'spec' | 'implementation', finishedAt: string) => ({
      version: 1 as const,
      exerciseId: 'a',
      status: 'failed' as const,
      checks: [],
      durationMs: 1,
      engine: 'local' as const,
      isolation: 'none' as const,
      stage,
      finishedAt,
    });
    const ours = entry({
      stages: {
        spec: { status: 'attempted', lastReport: report('spec', '2026-12-01T10:00:00.000Z') },
      },
    });
    const theirs = entry({
      updatedAt: '2026-12-02T10:00:00.000Z',
      stages: {
        spec: { status: 'passed', firstPassedAt: '2026-12-02T09:00:00.000Z' },
        implementation: { status: 'attempted', lastReport: report('implementation', '2026-12-02T10:00:00.000Z') },
      },
    });
    const { merged, changes } = mergeProgress(progress({ a: ours }), progress({ a: theirs }));
    expect(merged.exercises['a']?.stages).toEqual({
      // Their copy is newer but has no spec report: ours is kept rather than lost.
      spec: {
        status: 'passed',
        firstPassedAt: '2026-12-02T09:00:00.000Z',
        lastReport: report('spec', '2026-12-01T10:00:00.000Z'),
      },
      implementation: { status: 'attempted', lastReport: report('implementation', '2026-12-02T10:00:00.000Z') },
    });
    expect(merged.exercises['a']?.status).toBe('attempted');
    expect(changes[0]).toContain('spec stage attempted → passed');
    expect(changes[0]).toContain('implementation stage attempted');
  });

  it('never lowers a status or counts, takes the newer code and names the replacement', () => {
    const ours = entry({ status: 'passed', attempts: 5, firstPassedAt: '2026-12-01T09:00:00.000Z' });
    const theirs = entry({
      files: { 'src/a.ts': 'theirs' },
      attempts: 2,
      hintsUsed: 2,
      updatedAt: '2026-12-02T10:00:00.000Z',
    });
    const { merged, changes } = mergeProgress(progress({ a: ours }), progress({ a: theirs }));
    expect(merged.exercises['a']).toMatchObject({
      status: 'passed',
      attempts: 5,
      hintsUsed: 2,
      firstPassedAt: '2026-12-01T09:00:00.000Z',
      files: { 'src/a.ts': 'theirs' },
    });
    expect(changes).toEqual(["a: hints seen 0 → 2; your code here is replaced by the file's newer code."]);
  });

  it("keeps this browser's newer code and reports no change for identical entries", () => {
    const ours = entry({ updatedAt: '2026-12-03T00:00:00.000Z' });
    const theirs = entry({ files: { 'src/a.ts': 'old' }, status: 'passed' });
    const { merged, changes } = mergeProgress(progress({ a: ours, b: entry() }), progress({ a: theirs, b: entry() }));
    expect(merged.exercises['a']?.files).toEqual({ 'src/a.ts': 'mine' });
    expect(merged.exercises['a']?.status).toBe('passed');
    expect(changes).toEqual(["a: attempted → passed; your code here is kept (newer than the file's)."]);
  });

  it('carries other keys (e.g. milestones) whole, never overwriting a differing one', () => {
    const { merged, changes } = mergeProgress(
      progress({}, { notes: 'here' }),
      progress({}, { milestones: { m1: true }, notes: 'there' }),
    );
    expect(merged['milestones']).toEqual({ m1: true });
    expect(merged['notes']).toBe('here');
    expect(changes).toEqual([
      'milestones: added from the file.',
      "notes: differs from the file's; this browser's is kept.",
    ]);
  });
});

describe('progress file', () => {
  it('round-trips the whole progress object', () => {
    const p = progress({ a: entry() }, { milestones: { m1: true } });
    const file = buildProgressFile(p, 'http://127.0.0.1:4321', new Date('2026-12-06T00:00:00Z'));
    const parsed = parseProgressFile(JSON.stringify(file), '"p.json"');
    expect(parsed).toEqual({ ok: true, value: file });
  });

  it('refuses a corrupt or foreign file with a message naming it and what to do', () => {
    const broken = parseProgressFile('{"format":"backend-workbook/progress",', '"p.json"');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^"p\.json" is not a JSON file .*Export it again/);
    const report = parseProgressFile('{"format":"backend-workbook/progress-report","version":1}', '"r.json"');
    expect(!report.ok && report.error).toContain('it is a progress report');
    const damaged = parseProgressFile(
      JSON.stringify({ ...buildProgressFile(progress({ a: entry({ attempts: -1 }) }), 'x'), version: 1 }),
      '"d.json"',
    );
    expect(!damaged.ok && damaged.error).toContain('field "progress.exercises.a.attempts"');
  });
});

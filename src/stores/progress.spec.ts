import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../schemas/report.ts';
import { filesDigest } from './files-digest.ts';
import { createPreferencesStore, PREFERENCES_KEY } from './preferences.ts';
import { createProgressStore, PROGRESS_KEY } from './progress.ts';
import { memoryStorage } from './saved.ts';
import { backupsOf, fullStorage } from './storage-fixtures.ts';

const report = (status: CheckReport['status'], finishedAt = '2026-03-01T10:00:00.000Z'): CheckReport => ({
  version: 1,
  exerciseId: 'demo',
  status,
  checks: [],
  durationMs: 10,
  engine: 'local',
  isolation: 'none',
  finishedAt,
});

describe('progress store', () => {
  it('saves code, runs, hints and solution views, and reads them back in a new store', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.saveFiles('demo', { 'src/x.ts': 'let a = 1;' });
    store.recordReport('demo', report('failed'));
    expect(store.status('demo')).toBe('attempted');
    store.recordReport('demo', report('passed', '2026-03-01T11:00:00.000Z'));
    store.recordReport('demo', report('failed', '2026-03-01T12:00:00.000Z'));
    store.recordHints('demo', 2);
    store.recordHints('demo', 1);
    store.recordSolutionViewed('demo');

    const again = createProgressStore(storage).exercise('demo');
    expect(again).toMatchObject({
      files: { 'src/x.ts': 'let a = 1;' },
      status: 'passed',
      attempts: 3,
      firstPassedAt: '2026-03-01T11:00:00.000Z',
      hintsUsed: 2,
      solutionViewed: true,
    });
    expect(again?.lastReport?.finishedAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it('keeps each stage of a tdd exercise apart: a passing spec is not a passed exercise', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    const staged = (status: CheckReport['status'], stage: 'spec' | 'implementation', finishedAt: string) => ({
      ...report(status, finishedAt),
      stage,
    });
    store.recordReport('demo', staged('failed', 'spec', '2026-03-01T10:00:00.000Z'));
    store.recordReport('demo', staged('passed', 'spec', '2026-03-01T10:05:00.000Z'));
    expect(store.status('demo')).toBe('attempted');
    expect(store.exercise('demo')?.firstPassedAt).toBeUndefined();
    store.recordReport('demo', staged('failed', 'implementation', '2026-03-01T10:10:00.000Z'));
    expect(store.status('demo')).toBe('attempted');
    store.recordReport('demo', staged('passed', 'implementation', '2026-03-01T10:20:00.000Z'));
    // A later failing run of the spec does not take the spec's pass back.
    store.recordReport('demo', staged('failed', 'spec', '2026-03-01T10:30:00.000Z'));

    const again = createProgressStore(storage).exercise('demo');
    expect(again).toMatchObject({ status: 'passed', attempts: 5, firstPassedAt: '2026-03-01T10:20:00.000Z' });
    expect(again?.stages?.spec).toMatchObject({ status: 'passed', firstPassedAt: '2026-03-01T10:05:00.000Z' });
    expect(again?.stages?.spec?.lastReport?.finishedAt).toBe('2026-03-01T10:30:00.000Z');
    expect(again?.stages?.implementation).toMatchObject({
      status: 'passed',
      firstPassedAt: '2026-03-01T10:20:00.000Z',
    });
    expect(again?.lastReport?.stage).toBe('spec');
  });

  it('loads progress saved before stages existed, unchanged', () => {
    const storage = memoryStorage();
    const saved = {
      version: 1,
      exercises: {
        demo: {
          files: { 'src/x.ts': 'x' },
          status: 'passed',
          attempts: 2,
          firstPassedAt: '2026-01-01T00:00:00.000Z',
          hintsUsed: 0,
          solutionViewed: false,
          lastReport: report('passed'),
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    };
    storage.setItem(PROGRESS_KEY, JSON.stringify(saved));
    const store = createProgressStore(storage);
    expect(store.$notice.get()).toBeNull();
    expect(store.exercise('demo')).toEqual(saved.exercises.demo);
  });

  it('remembers which code the last report graded, so a reload can tell it is out of date', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    const graded = { 'src/x.ts': 'let a = 1;', 'src/y.ts': 'let b = 2;' };
    store.saveFiles('demo', graded);
    store.recordReport('demo', report('passed'), graded);
    const digest = createProgressStore(storage).exercise('demo')?.gradedDigest;
    // Order does not matter; any change to a path or its content does.
    expect(digest).toBe(filesDigest({ 'src/y.ts': 'let b = 2;', 'src/x.ts': 'let a = 1;' }));
    expect(digest).not.toBe(filesDigest({ ...graded, 'src/x.ts': 'let a = 1; ' }));
    expect(digest).not.toBe(filesDigest({ 'src/x.ts': 'let a = 1;' }));
    // A report recorded without its files (an older caller) drops the digest rather than keep a wrong one.
    store.recordReport('demo', report('failed'));
    expect(createProgressStore(storage).exercise('demo')?.gradedDigest).toBeUndefined();
  });

  it('keeps corrupt saved data aside as a backup, reports it, and starts fresh', () => {
    const storage = memoryStorage({
      [PROGRESS_KEY]: JSON.stringify({ version: 1, exercises: { demo: { status: 'won' } } }),
    });
    const store = createProgressStore(storage);
    const notice = store.$notice.get();
    expect(notice?.kind).toBe('recovered');
    expect(notice?.message).toContain('field "exercises.demo');
    expect(storage.getItem(notice?.backupKey ?? '')).toContain('"won"');
    expect(store.$progress.get().exercises).toEqual({});
    // A second load finds clean data and does not back up again.
    expect(createProgressStore(storage).$notice.get()).toBeNull();
    expect([...storage.data.keys()].filter((k) => k.includes(':backup:'))).toHaveLength(1);
  });

  it('keeps the valid exercises when one saved entry is invalid, and backs up the original', () => {
    const good = {
      files: { 'src/x.ts': 'ok' },
      status: 'passed',
      attempts: 2,
      hintsUsed: 0,
      solutionViewed: false,
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    const raw = JSON.stringify({
      version: 1,
      exercises: { 'task-a': good, 'task-b': { status: 'won' }, 'task-c': { ...good, status: 'attempted' } },
    });
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const store = createProgressStore(storage);
    expect(store.status('task-a')).toBe('passed');
    expect(store.status('task-c')).toBe('attempted');
    expect(store.exercise('task-b')).toBeUndefined();
    expect(store.$notice.get()?.message).toContain('left out: exercises.task-b');
    expect(backupsOf(storage, PROGRESS_KEY).map((k) => storage.getItem(k))).toEqual([raw]);
    expect(Object.keys(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises)).toEqual(['task-a', 'task-c']);
  });

  it('never overwrites unreadable progress it could not back up: not a hint, a run, a save or a page visit', () => {
    const raw = JSON.stringify({
      version: 1,
      exercises: { 'task-a': { status: 'won', files: { 'src/x.ts': 'x'.repeat(500) } } },
    });
    const storage = fullStorage({ [PROGRESS_KEY]: raw });
    const store = createProgressStore(storage);
    expect(store.$notice.get()?.kind).toBe('held');
    store.recordHints('task-a', 1);
    store.recordReport('task-a', report('passed'));
    store.saveFiles('task-a', {});
    createProgressStore(storage).recordSolutionViewed('task-a');
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    expect(store.status('task-a')).toBe('passed'); // this session still works, in memory
    expect(store.heldText()).toBe(raw);
    expect(store.discardUnreadable()).toBe(true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises['task-a'].status).toBe('passed');
  });

  it('looks exercise ids up as own keys only (an id such as "constructor")', () => {
    const store = createProgressStore(memoryStorage());
    expect(store.exercise('constructor')).toBeUndefined();
    expect(store.status('constructor')).toBe('not-started');
    store.recordHints('constructor', 1);
    expect(store.exercise('constructor')?.hintsUsed).toBe(1);
  });

  it('treats text that is not JSON the same way', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{oops' });
    expect(createProgressStore(storage).$notice.get()?.message).toContain('not valid JSON');
  });

  it('keeps keys other features add to the saved progress', () => {
    const storage = memoryStorage({
      [PROGRESS_KEY]: JSON.stringify({ version: 1, exercises: {}, assignments: [{ set: 'week-1' }] }),
    });
    createProgressStore(storage).saveFiles('demo', {});
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}')).toHaveProperty('assignments');
  });

  it('does not overwrite what another tab saved in the meantime', () => {
    const storage = memoryStorage();
    const tabA = createProgressStore(storage);
    const tabB = createProgressStore(storage);
    tabA.recordReport('one', report('passed'));
    tabB.recordHints('two', 1);
    expect(createProgressStore(storage).summarize(['one', 'two', 'three'])).toEqual({
      total: 3,
      passed: 1,
      attempted: 0,
    });
    expect(createProgressStore(storage).exercise('two')?.hintsUsed).toBe(1);
  });

  it('reports, without throwing, when storage is full', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = createProgressStore(storage);
    store.saveFiles('demo', { a: 'b' });
    expect(store.$notice.get()?.message).toContain('QuotaExceededError');
    expect(store.exercise('demo')?.files).toEqual({ a: 'b' });
  });
});

describe('preferences store', () => {
  it('persists valid changes, refuses invalid ones and recovers from corrupt data', () => {
    const storage = memoryStorage();
    const prefs = createPreferencesStore(storage);
    prefs.set({ fontSize: 18 });
    expect(createPreferencesStore(storage).$preferences.get().fontSize).toBe(18);
    expect(() => prefs.set({ fontSize: 99 })).toThrow(/fontSize/);
    storage.setItem(PREFERENCES_KEY, '[]');
    const recovered = createPreferencesStore(storage);
    expect(recovered.$notice.get()?.kind).toBe('recovered');
    expect(recovered.$preferences.get().fontSize).toBe(14);
  });
});

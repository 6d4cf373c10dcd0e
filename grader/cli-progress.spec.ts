import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/schemas/report.ts';
import { parseProgressFile } from '../src/stores/progress-file.ts';
import { checkReport } from '../src/mentor/fixtures.ts';
import { recordCliRun } from './cli-progress.ts';

const report = (status: 'passed' | 'failed', finishedAt: string): CheckReport => ({
  ...checkReport('task-entity-complete', status),
  finishedAt,
});

describe('recordCliRun', () => {
  it('writes a progress file the page imports, counting attempts and keeping the first pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
    const file = join(dir, '.workbook', 'progress.json');
    recordCliRun(file, 'task-entity-complete', { 'src/a.ts': 'v1' }, report('failed', '2026-12-06T01:00:00.000Z'));
    recordCliRun(file, 'task-entity-complete', { 'src/a.ts': 'v2' }, report('passed', '2026-12-06T02:00:00.000Z'));
    const parsed = parseProgressFile(readFileSync(file, 'utf8'), 'progress.json');
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.source).toBe('workbook CLI');
    expect(parsed.value.progress.exercises['task-entity-complete']).toMatchObject({
      files: { 'src/a.ts': 'v2' },
      status: 'passed',
      attempts: 2,
      firstPassedAt: '2026-12-06T02:00:00.000Z',
    });
  });

  it('keeps both stages of a test-first exercise; a passing spec is not yet a pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
    const file = join(dir, '.workbook', 'progress.json');
    const staged = (stage: 'spec' | 'implementation', status: 'passed' | 'failed', finishedAt: string) => ({
      ...report(status, finishedAt),
      exerciseId: 'tdd-retry-schedule',
      stage,
    });
    recordCliRun(
      file,
      'tdd-retry-schedule',
      { 'a.spec.ts': 's' },
      staged('spec', 'passed', '2026-12-06T01:00:00.000Z'),
    );
    const read = () => {
      const parsed = parseProgressFile(readFileSync(file, 'utf8'), 'progress.json');
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value.progress.exercises['tdd-retry-schedule'];
    };
    expect(read()).toMatchObject({ status: 'attempted', stages: { spec: { status: 'passed' } } });
    expect(read()?.firstPassedAt).toBeUndefined();
    recordCliRun(
      file,
      'tdd-retry-schedule',
      { 'a.ts': 'i' },
      staged('implementation', 'passed', '2026-12-06T02:00:00.000Z'),
    );
    expect(read()).toMatchObject({
      status: 'passed',
      firstPassedAt: '2026-12-06T02:00:00.000Z',
      stages: { spec: { status: 'passed' }, implementation: { status: 'passed' } },
    });
  });

  it('sets an unreadable file aside instead of overwriting it, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
    const file = join(dir, 'progress.json');
    writeFileSync(file, '{ not json');
    const note = recordCliRun(file, 'task-entity-complete', {}, report('passed', '2026-12-06T02:00:00.000Z'));
    expect(note).toMatch(/is not a JSON file.*kept as .*progress\.json\.unreadable-\d+/);
    expect(readdirSync(dir).some((f) => f.startsWith('progress.json.unreadable-'))).toBe(true);
    expect(parseProgressFile(readFileSync(file, 'utf8'), 'p').ok).toBe(true);
  });
});

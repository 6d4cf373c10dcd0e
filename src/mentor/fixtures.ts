// Shared test data for the mentor specs.
import type { ExerciseSet } from '../schemas/exercise-set.ts';
import type { Progress } from '../schemas/progress.ts';
import type { CheckReport } from '../schemas/report.ts';
import type { CatalogEntry } from './cohort-table.ts';

export const sampleSet = (): ExerciseSet => ({
  format: 'backend-workbook/exercise-set',
  version: 1,
  id: 'week-1-basics',
  title: 'Week 1 basics',
  mentor: 'Dana Mentor',
  notes: 'Start with the entity.',
  exercises: [
    { id: 'task-entity-complete', due: '2026-11-20' },
    { id: 'cqrs-create-task-handler', due: '2026-12-04' },
    { id: 'cache-aside-get-task' },
  ],
});

export const checkReport = (exerciseId: string, status: CheckReport['status']): CheckReport => ({
  version: 1,
  exerciseId,
  status,
  checks: [
    { name: 'complete() marks the task completed', status: status === 'passed' ? 'passed' : 'failed', durationMs: 3 },
    { name: 'complete() twice throws TASK.ALREADY_COMPLETED', status: 'passed', durationMs: 2 },
  ],
  durationMs: 12,
  engine: 'local',
  isolation: 'bubblewrap',
  finishedAt: '2026-11-19T10:00:00.000Z',
});

export const sampleProgress = (): Progress => ({
  version: 1,
  exercises: {
    'task-entity-complete': {
      files: { 'src/domain/task/task.entity.ts': 'export class Task {}\n' },
      status: 'passed',
      attempts: 3,
      firstPassedAt: '2026-11-19T10:00:00.000Z',
      hintsUsed: 1,
      solutionViewed: false,
      lastReport: checkReport('task-entity-complete', 'passed'),
      updatedAt: '2026-11-19T10:00:00.000Z',
    },
    'cqrs-create-task-handler': {
      files: { 'src/application/commands/create-task.handler.ts': '// todo\n' },
      status: 'attempted',
      attempts: 1,
      hintsUsed: 2,
      solutionViewed: true,
      updatedAt: '2026-11-19T11:00:00.000Z',
    },
  },
});

export const sampleCatalog = (): Map<string, CatalogEntry> =>
  new Map(
    [
      { id: 'task-entity-complete', title: 'Complete a task', week: 1, competencies: ['clean-architecture', 'tdd'] },
      { id: 'cqrs-create-task-handler', title: 'Create-task handler', week: 1, competencies: ['cqrs', 'events'] },
      { id: 'cache-aside-get-task', title: 'Cache-aside', week: 2, competencies: ['caching'] },
    ].map((e) => [e.id, e as CatalogEntry]),
  );

import { describe, expect, it } from 'vitest';
import type { CheckReport } from './report.ts';
import { failureMarks, splitLocations } from './report-locations.ts';

const FILE = 'src/domain/task/task.entity.ts';

const report = (extra: Partial<CheckReport>): CheckReport => ({
  version: 1,
  exerciseId: 'task-entity-complete',
  status: 'failed',
  checks: [],
  durationMs: 10,
  engine: 'local',
  isolation: 'bubblewrap',
  finishedAt: '2026-12-06T04:00:00.000Z',
  ...extra,
});

describe('splitLocations', () => {
  it("finds a frame and a type error's place in the learner's files", () => {
    expect(splitLocations(`boom\nat ${FILE}:87:11`, [FILE])).toEqual([
      { text: 'boom\nat ' },
      { text: `${FILE}:87:11`, location: { path: FILE, line: 87, column: 11 } },
    ]);
    expect(splitLocations(`${FILE}:3 oops`, [FILE])[0]).toEqual({
      text: `${FILE}:3`,
      location: { path: FILE, line: 3, column: 1 },
    });
  });

  it('ignores files that are not the learner’s and paths that only end like one', () => {
    expect(splitLocations('at src/app.module.ts:4:2', [FILE])).toEqual([{ text: 'at src/app.module.ts:4:2' }]);
    expect(splitLocations(`at node_modules/x/${FILE}:4:2`, [FILE])).toEqual([
      { text: `at node_modules/x/${FILE}:4:2` },
    ]);
  });
});

describe('failureMarks', () => {
  it('marks each failed check at the places its message names, with the check’s name', () => {
    const marks = failureMarks(
      report({
        checks: [
          { name: 'passes', status: 'passed', durationMs: 1 },
          { name: 'complete() throws', status: 'failed', message: `expected a throw\nat ${FILE}:42:5`, durationMs: 1 },
        ],
      }),
      [FILE],
    );
    expect(marks).toEqual([{ path: FILE, line: 42, column: 5, message: 'complete() throws: expected a throw' }]);
  });

  it("marks a type error's lines from the run's message", () => {
    const marks = failureMarks(
      report({
        status: 'error',
        message: `Your code has a type error:\n${FILE}:7:3 Type 'string' is not assignable to type 'number'. (TS2322)\nFix them and run the checks again.`,
      }),
      [FILE],
    );
    expect(marks).toEqual([
      {
        path: FILE,
        line: 7,
        column: 3,
        message: `${FILE}:7:3 Type 'string' is not assignable to type 'number'. (TS2322)`,
      },
    ]);
  });
});

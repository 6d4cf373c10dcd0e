import { describe, expect, it } from 'vitest';
import type { ExerciseManifest } from '../src/schemas/exercise.ts';
import type { CheckReport } from '../src/schemas/report.ts';
import { CLI, nextInLadder, nextSteps } from './cli-next.ts';
import { spinner } from './cli-spinner.ts';

const m = (id: string, week: number, over: Partial<ExerciseManifest> = {}) =>
  ({ id, title: `Title ${id}`, week, optional: false, ...over }) as ExerciseManifest;
// In ladder order, as loadExercises returns them.
const all = [
  m('a', 1, { order: 1 }),
  m('b', 1, { order: 2 }),
  m('opt', 1, { order: 3, optional: true }),
  m('c', 2, { order: 1 }),
];
const report = (status: CheckReport['status']) => ({ status }) as CheckReport;
const options = { pageUrl: 'http://127.0.0.1:4321/exercises/a/', hints: 2 };

describe('nextInLadder', () => {
  it('follows the ladder, skipping optional exercises', () => {
    expect(nextInLadder('a', all)?.id).toBe('b');
    expect(nextInLadder('b', all)?.id).toBe('c');
    expect(nextInLadder('c', all)).toBeUndefined();
  });
});

describe('nextSteps', () => {
  it('after a pass: the next exercise and how to start it, and where the pass is saved', () => {
    expect(nextSteps(report('passed'), all[0]!, all, { ...options, progressFile: '.workbook/progress.json' })).toEqual([
      `Next: Title b (week 1) — ${CLI} start b`,
      `Your pass is saved in .workbook/progress.json: import it on the workbook's home page ("Your progress file").`,
    ]);
  });

  it('after a failure: a hint command, the page and how to check again, with the same folder', () => {
    expect(nextSteps(report('failed'), all[0]!, all, { ...options, dirArg: ' --dir x' })).toEqual([
      'Stuck? Read a hint: npx workbook hint a',
      'Instructions, hints and the editor: http://127.0.0.1:4321/exercises/a/',
      'Check again: npx workbook check a --dir x (or npx workbook watch a --dir x to re-check on every save)',
    ]);
  });
});

describe('spinner', () => {
  it('draws and clears on a terminal, saying what it waits for', () => {
    const out: string[] = [];
    const spin = spinner(
      {
        isTTY: true,
        write: (t: string) => {
          out.push(t);
          return true;
        },
      },
      'starting the grader',
      1_000_000,
    );
    spin.update('grading a');
    spin.stop();
    expect(out[0]).toContain('starting the grader…');
    expect(out[1]).toContain('grading a…');
    expect(out.at(-1)).toBe('\r\u001b[2K');
  });

  it('prints nothing when the output is not a terminal', () => {
    const out: string[] = [];
    const spin = spinner(
      {
        isTTY: false,
        write: (t: string) => {
          out.push(t);
          return true;
        },
      },
      'starting the grader',
    );
    spin.update('x');
    spin.stop();
    expect(out).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readStatuses } from './progress-status.ts';

describe('readStatuses', () => {
  it('reads attempted and passed exercises from saved progress', () => {
    const raw = JSON.stringify({
      version: 1,
      exercises: { a: { status: 'passed' }, b: { status: 'attempted' }, c: { status: 'not-started' } },
    });
    expect([...readStatuses(raw)]).toEqual([
      ['a', 'passed'],
      ['b', 'attempted'],
    ]);
  });

  it('tells a tdd exercise whose spec passed from one merely attempted, and from one done', () => {
    const raw = JSON.stringify({
      version: 1,
      exercises: {
        red: { status: 'attempted', stages: { spec: { status: 'attempted' } } },
        green: { status: 'attempted', stages: { spec: { status: 'passed' }, implementation: { status: 'attempted' } } },
        done: { status: 'passed', stages: { spec: { status: 'passed' }, implementation: { status: 'passed' } } },
      },
    });
    expect([...readStatuses(raw)]).toEqual([
      ['red', 'attempted'],
      ['green', 'spec-passed'],
      ['done', 'passed'],
    ]);
  });

  it('never throws on damaged or foreign data', () => {
    for (const raw of [
      null,
      '',
      '{oops',
      '[]',
      'null',
      '{"exercises":null}',
      '{"exercises":{"a":null,"b":{"status":7}}}',
      '{"exercises":{"a":{"status":"spec-passed"}}}',
    ]) {
      expect(readStatuses(raw).size).toBe(0);
    }
  });
});

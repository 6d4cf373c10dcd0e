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

  it('never throws on damaged or foreign data', () => {
    for (const raw of [
      null,
      '',
      '{oops',
      '[]',
      'null',
      '{"exercises":null}',
      '{"exercises":{"a":null,"b":{"status":7}}}',
    ]) {
      expect(readStatuses(raw).size).toBe(0);
    }
  });
});

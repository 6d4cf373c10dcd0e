import { describe, expect, it } from 'vitest';
import { parseLastVisited } from './last-visited.ts';

describe('parseLastVisited', () => {
  it('reads a valid record', () => {
    expect(parseLastVisited('{"week":3,"title":"Testing","at":"2026-01-01T00:00:00Z"}')).toEqual({
      week: 3,
      title: 'Testing',
      at: '2026-01-01T00:00:00Z',
    });
  });
  it('ignores missing, malformed and out-of-range values', () => {
    expect(parseLastVisited(null)).toBeUndefined();
    expect(parseLastVisited('not json')).toBeUndefined();
    expect(parseLastVisited('{"week":13,"title":"x","at":"y"}')).toBeUndefined();
    expect(parseLastVisited('{"week":2.5,"title":"x","at":"y"}')).toBeUndefined();
    expect(parseLastVisited('{"week":2}')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFilter } from './exercise-filter.ts';

const cqrsWeek1 = { week: '1', competencies: ['cqrs', 'clean-architecture'] };

describe('matchesFilter', () => {
  it('shows everything when no filter is chosen', () => {
    expect(matchesFilter(cqrsWeek1, { week: '', competency: '' })).toBe(true);
  });
  it('filters by week', () => {
    expect(matchesFilter(cqrsWeek1, { week: '1', competency: '' })).toBe(true);
    expect(matchesFilter(cqrsWeek1, { week: '2', competency: '' })).toBe(false);
  });
  it('filters by competency and requires both filters to match', () => {
    expect(matchesFilter(cqrsWeek1, { week: '', competency: 'cqrs' })).toBe(true);
    expect(matchesFilter(cqrsWeek1, { week: '', competency: 'caching' })).toBe(false);
    expect(matchesFilter(cqrsWeek1, { week: '2', competency: 'cqrs' })).toBe(false);
  });
});

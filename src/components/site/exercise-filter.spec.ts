import { describe, expect, it } from 'vitest';
import { filterFromSearch, matchesFilter, searchFromFilter } from './exercise-filter.ts';

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

describe('status and difficulty filters', () => {
  const ex = { week: '2', competencies: ['caching'], status: 'passed', difficulty: 'beginner' };
  it('filters by the learner status (unknown counts as not started) and by difficulty', () => {
    expect(matchesFilter(ex, { week: '', competency: '', status: 'passed' })).toBe(true);
    expect(matchesFilter(ex, { week: '', competency: '', status: 'attempted' })).toBe(false);
    expect(matchesFilter({ week: '2', competencies: [] }, { week: '', competency: '', status: 'not-started' })).toBe(
      true,
    );
    expect(matchesFilter(ex, { week: '', competency: '', difficulty: 'beginner' })).toBe(true);
    expect(matchesFilter(ex, { week: '', competency: '', difficulty: 'advanced' })).toBe(false);
  });
});

describe('filters in the URL', () => {
  it('round-trip through the query, leaving out empty fields', () => {
    const filter = { week: '3', competency: '', status: 'passed', difficulty: '' };
    expect(searchFromFilter(filter)).toBe('?week=3&status=passed');
    expect(filterFromSearch('?week=3&status=passed')).toEqual(filter);
    expect(searchFromFilter({ week: '', competency: '' })).toBe('');
  });
});

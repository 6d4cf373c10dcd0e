// The catalog's filter and order rules, kept apart from the DOM so they can be unit-tested.
export interface FilterableExercise {
  week: string;
  competencies: string[];
  /** The learner's status (not-started, attempted, spec-passed, passed); absent when unknown. */
  status?: string;
  difficulty?: string;
}
export interface ExerciseFilterValue {
  /** "" means any week. */
  week: string;
  /** "" means any competency. */
  competency: string;
  /** "" means any status. */
  status?: string;
  /** "" means any difficulty. */
  difficulty?: string;
}

/** The filter fields, in the order they appear in the form and the URL. */
export const FILTER_FIELDS = ['week', 'competency', 'status', 'difficulty'] as const;

/** True when the exercise matches every chosen filter (an empty filter matches all). */
export function matchesFilter(exercise: FilterableExercise, filter: ExerciseFilterValue): boolean {
  if (filter.week !== '' && exercise.week !== filter.week) return false;
  if (filter.competency !== '' && !exercise.competencies.includes(filter.competency)) return false;
  if (filter.status && (exercise.status ?? 'not-started') !== filter.status) return false;
  if (filter.difficulty && exercise.difficulty !== filter.difficulty) return false;
  return true;
}

/** Reads the filter kept in the page URL (`?week=3&status=passed`); unknown values are dropped by the caller's form. */
export function filterFromSearch(search: string): Required<ExerciseFilterValue> {
  const params = new URLSearchParams(search);
  return {
    week: params.get('week') ?? '',
    competency: params.get('competency') ?? '',
    status: params.get('status') ?? '',
    difficulty: params.get('difficulty') ?? '',
  };
}

/** The URL query for a filter, without empty fields ("" when nothing is chosen). */
export function searchFromFilter(filter: ExerciseFilterValue): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

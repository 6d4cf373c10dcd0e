// The catalog's filter rule, kept apart from the DOM so it can be unit-tested.
export interface FilterableExercise {
  week: string;
  competencies: string[];
}
export interface ExerciseFilterValue {
  /** "" means any week. */
  week: string;
  /** "" means any competency. */
  competency: string;
}

/** True when the exercise is in the chosen week (if any) and trains the chosen competency (if any). */
export function matchesFilter(exercise: FilterableExercise, filter: ExerciseFilterValue): boolean {
  if (filter.week !== '' && exercise.week !== filter.week) return false;
  if (filter.competency !== '' && !exercise.competencies.includes(filter.competency)) return false;
  return true;
}

// What every part of a mounted exercise shares: its element, its data, the progress store and a
// few lookups. Built once by exercise-controller.ts and handed to each part.
import type { EditorData } from '../../schemas/editor-data.ts';
import type { ProgressStore } from '../../stores/progress.ts';
import type { ResultsView } from './results-view.ts';

export interface ExerciseContext {
  readonly root: HTMLElement;
  readonly id: string;
  readonly data: EditorData;
  readonly store: ProgressStore;
  readonly results: ResultsView;
  /** The first element inside the exercise matching `selector`. */
  q<T extends HTMLElement = HTMLElement>(selector: string): T | null;
  /** The toolbar button with `data-action="<action>"`. */
  button(action: string): HTMLButtonElement | null;
  /** Shows a one-line message in the exercise's notice area. */
  say(message: string): void;
}

/** The learner's saved code over the starter code, for editable files only. */
export function initialFiles(data: EditorData, store: ProgressStore, id: string): Record<string, string> {
  const starter = starterFiles(data);
  const saved = store.exercise(id)?.files ?? {};
  return { ...starter, ...Object.fromEntries(Object.entries(saved).filter(([p]) => p in starter)) };
}

/** The starter content of every editable file. */
export const starterFiles = (data: EditorData): Record<string, string> =>
  Object.fromEntries(data.files.filter((f) => f.editable).map((f) => [f.path, f.content]));

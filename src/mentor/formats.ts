// The two file kinds mentors and interns exchange, with their parsers.
import {
  EXERCISE_SET_FORMAT,
  EXERCISE_SET_VERSION,
  exerciseSetSchema,
  type ExerciseSet,
} from '../schemas/exercise-set.ts';
import { REPORT_FILE_FORMAT, REPORT_FILE_VERSION, reportFileSchema, type ReportFile } from '../schemas/report-file.ts';
import { parseFile, parseValue, type Parsed } from './parse-file.ts';

const setKind = {
  format: EXERCISE_SET_FORMAT,
  version: EXERCISE_SET_VERSION,
  noun: 'exercise set',
  remedy: 'Ask your mentor for a new set link or file.',
};

const reportKind = {
  format: REPORT_FILE_FORMAT,
  version: REPORT_FILE_VERSION,
  noun: 'progress report',
  remedy: 'Ask the intern to export the report again from the workbook\'s home page ("Export report").',
};

/** Parses an exercise set file's text; `source` names it in messages (e.g. `"week-1.json"`). */
export const parseSetText = (text: string, source: string): Parsed<ExerciseSet> =>
  parseFile(text, source, setKind, exerciseSetSchema);

/** Validates a decoded exercise set (e.g. from a link). */
export const parseSetValue = (raw: unknown, source: string): Parsed<ExerciseSet> =>
  parseValue(raw, source, setKind, exerciseSetSchema);

/** Parses a progress report file's text; `source` names it in messages; more than `maxExercises` entries is refused before validating them. */
export function parseReportText(text: string, source: string, maxExercises = Infinity): Parsed<ReportFile> {
  return parseFile(text, source, reportKind, reportFileSchema, (raw) => {
    const exercises = (raw as { exercises?: unknown }).exercises;
    return Array.isArray(exercises) && exercises.length > maxExercises
      ? `${source} lists ${exercises.length} exercises; a progress report holds at most ${maxExercises} (one per exercise of its set). ${reportKind.remedy}`
      : null;
  });
}

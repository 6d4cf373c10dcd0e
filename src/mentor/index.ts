// Public surface of the mentor tools' DOM-free logic.
export { parseSetText, parseSetValue, parseReportText } from './formats.ts';
export type { Parsed } from './parse-file.ts';
export { encodeSetLink, decodeSetFragment } from './set-link.ts';
export {
  summarizeAssignment,
  localDay,
  isOverdue,
  type AssignmentSummary,
  type AssignmentItem,
} from './assignment-progress.ts';
export { buildReport, reportFileName } from './report-build.ts';
export {
  importReports,
  currentReports,
  emptyCohort,
  internKey,
  verdictKey,
  fingerprintOf,
  type Cohort,
  type Verdict,
  type ImportOutcome,
} from './cohort.ts';
export {
  cohortTable,
  competencyProgress,
  type CatalogEntry,
  type CohortTable,
  type CohortCell,
  type CompetencyProgress,
} from './cohort-table.ts';
export { regrade, regradeTasks, judge, type GradeFn, type RegradeTask } from './regrade.ts';
export { cohortCsv, csvCell } from './csv.ts';
export { cohortStore } from './cohort-store.ts';

// The grader's public surface: the page's local API, the mentor re-grade, the CLI and the
// WebContainer engine all grade through createGrader().
export { createGrader, type CreateGraderOptions, type GradeOptions, type Grader } from './grader.ts';
export type { CheckReport, EngineName, GradeEvent, GradeRequest } from '../src/schemas/report.ts';

// The dashboard's model: interns × exercises, per-competency progress. Pure and DOM-free.
import { COMPETENCIES, type Competency } from '../schemas/competency.ts';
import type { ExerciseStatus } from '../schemas/progress.ts';
import type { Intern } from '../schemas/report-file.ts';
import type { Isolation } from '../schemas/report.ts';
import { isOverdue } from './assignment-progress.ts';
import { conflictingClaims, currentReports, internKey, verdictKey, type Cohort, type Verdict } from './cohort.ts';

/** What the mentor pages know about an exercise of this workbook (built from the catalog). */
export interface CatalogEntry {
  id: string;
  title: string;
  week: number;
  competencies: Competency[];
  /** A test-first (tdd) exercise: done only when its implementation stage passes, so a re-grade grades that stage. */
  testFirst?: boolean;
}

export interface CohortCell {
  exerciseId: string;
  status: ExerciseStatus;
  attempts: number;
  hintsUsed: number;
  solutionViewed: boolean;
  passedAt?: string;
  /** A test-first exercise whose spec passed stage 1 (its status stays attempted until stage 2 passes). */
  specPassed?: boolean;
  due?: string;
  overdue: boolean;
  setTitle: string;
  /** Report the cell comes from, to re-grade it. */
  fingerprint: string;
  files: Record<string, string>;
  /** The isolation and refused attempts of the intern's own last run, as the report says. */
  lastRun?: { isolation: Isolation; attempts: string[] };
  verdict?: Verdict;
}

export interface CohortColumn {
  id: string;
  /** Undefined when this workbook has no such exercise: the column is shown as unknown. */
  entry?: CatalogEntry;
}

export interface CohortRow {
  key: string;
  intern: Intern;
  /** Set when two reports claim this intern but cannot both be theirs (conflictingClaims). */
  conflict?: string;
  /** Exercise id → cell; a Map so an id such as "constructor" never finds a built-in. */
  cells: Map<string, CohortCell>;
}

export interface CohortTable {
  columns: CohortColumn[];
  rows: CohortRow[];
}

/** Builds the table from the newest report per intern and set; unknown exercises keep their column. */
export function cohortTable(cohort: Cohort, catalog: ReadonlyMap<string, CatalogEntry>, today: string): CohortTable {
  const rows = new Map<string, CohortRow>();
  const exportedAt = new Map<string, string>();
  const ids = new Set<string>();
  for (const { fingerprint, report } of currentReports(cohort)) {
    const key = internKey(report.intern);
    const row = rows.get(key) ?? { key, intern: report.intern, cells: new Map<string, CohortCell>() };
    rows.set(key, row);
    for (const e of report.exercises) {
      ids.add(e.id);
      // An exercise in two sets: the most recently exported report speaks for it.
      const cellKey = `${key}|${e.id}`;
      if ((exportedAt.get(cellKey) ?? '') > report.exportedAt) continue;
      exportedAt.set(cellKey, report.exportedAt);
      const due = report.set.exercises.find((s) => s.id === e.id)?.due;
      const verdict = cohort.verdicts[verdictKey(fingerprint, e.id)];
      row.cells.set(e.id, {
        exerciseId: e.id,
        status: e.status,
        attempts: e.attempts,
        hintsUsed: e.hintsUsed,
        solutionViewed: e.solutionViewed,
        ...(e.passedAt ? { passedAt: e.passedAt } : {}),
        ...(e.specPassed ? { specPassed: true } : {}),
        ...(due ? { due } : {}),
        overdue: isOverdue(due, e.status, today),
        setTitle: report.set.title,
        fingerprint,
        files: e.files,
        ...(e.lastReport
          ? { lastRun: { isolation: e.lastReport.isolation, attempts: e.lastReport.attempts ?? [] } }
          : {}),
        ...(verdict ? { verdict } : {}),
      });
    }
  }
  const columns = [...ids]
    .map((id): CohortColumn => {
      const entry = catalog.get(id);
      return entry ? { id, entry } : { id };
    })
    .sort((a, b) => (a.entry?.week ?? 99) - (b.entry?.week ?? 99) || a.id.localeCompare(b.id));
  for (const [key, message] of conflictingClaims(cohort)) {
    const row = rows.get(key);
    if (row) row.conflict = message;
  }
  const sortedRows = [...rows.values()].sort((a, b) => a.intern.name.localeCompare(b.intern.name));
  return { columns, rows: sortedRows };
}

export interface CompetencyProgress {
  competency: Competency;
  passed: number;
  total: number;
}

/** Per competency: passed cells (minus mismatched re-grades) over assigned cells of known exercises, for the cohort or one intern. */
export function competencyProgress(table: CohortTable, internKey?: string): CompetencyProgress[] {
  const rows = internKey === undefined ? table.rows : table.rows.filter((r) => r.key === internKey);
  const totals = new Map<Competency, CompetencyProgress>();
  for (const column of table.columns) {
    if (!column.entry) continue;
    for (const competency of column.entry.competencies) {
      const t = totals.get(competency) ?? { competency, passed: 0, total: 0 };
      totals.set(competency, t);
      for (const row of rows) {
        const cell = row.cells.get(column.id);
        if (!cell) continue;
        t.total += 1;
        // A pass the re-grade did not confirm is not progress.
        if (cell.status === 'passed' && cell.verdict?.verdict !== 'mismatched' && cell.verdict?.verdict !== 'tampered')
          t.passed += 1;
      }
    }
  }
  return COMPETENCIES.flatMap((c) => (totals.get(c)?.total ? [totals.get(c)!] : []));
}

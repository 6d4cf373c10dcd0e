// CSV export of the cohort table: one line per intern and exercise (RFC 4180 quoting).
import type { CohortTable } from './cohort-table.ts';

const HEADER = ['Intern', 'Email', 'Set', 'Exercise', 'Title', 'Known', 'Status', 'Attempts', 'Hints used', 'Solution viewed', 'Passed at', 'Due', 'Overdue', 'Re-grade', 'Re-grade detail'];

/** The table as CSV text, CRLF line ends, cells quoted when needed. */
export function cohortCsv(table: CohortTable): string {
  const lines = [HEADER];
  for (const row of table.rows) {
    for (const column of table.columns) {
      const cell = row.cells[column.id];
      if (!cell) continue;
      lines.push([
        row.intern.name,
        row.intern.email ?? '',
        cell.setTitle,
        column.id,
        column.entry?.title ?? '',
        column.entry ? 'yes' : 'unknown',
        cell.status,
        String(cell.attempts),
        String(cell.hintsUsed),
        cell.solutionViewed ? 'yes' : 'no',
        cell.passedAt ?? '',
        cell.due ?? '',
        cell.overdue ? 'yes' : 'no',
        cell.verdict?.verdict ?? '',
        cell.verdict?.message ?? '',
      ]);
    }
  }
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a cell; text from reports that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

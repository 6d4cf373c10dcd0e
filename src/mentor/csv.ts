// CSV export of the cohort table: one line per intern and exercise (RFC 4180 quoting).
import type { CohortTable } from './cohort-table.ts';

const HEADER = [
  'Intern',
  'Email',
  'Set',
  'Exercise',
  'Title',
  'Known',
  'Status',
  'Attempts',
  'Hints used',
  'Solution viewed',
  'Passed at',
  'Due',
  'Overdue',
  'Re-grade',
  'Re-grade detail',
];

/** The table as CSV text, CRLF line ends, every cell quoted and defused (csvCell). */
export function cohortCsv(table: CohortTable): string {
  const lines = [HEADER];
  for (const row of table.rows) {
    for (const column of table.columns) {
      const cell = row.cells.get(column.id);
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
        cell.verdict ? `${cell.verdict.message}${cell.verdict.isolation ? ` [${cell.verdict.isolation}]` : ''}` : '',
      ]);
    }
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Characters that make a spreadsheet read a cell as a formula (or a DDE call) when it starts with one. */
const FORMULA_START = /[=+\-@\t\r]/;
/** Separators a spreadsheet may assume for this file, whatever we wrote: comma, semicolon, tab (and line ends). */
const SEPARATORS = /[,;\t\r\n]/;

/**
 * Quotes every cell (so `;` and tab inside text never split it, whatever separator the spreadsheet
 * assumes) and defuses formulas: report text is written by interns, so `=HYPERLINK(…)` or `@SUM(…)`
 * at the start of a cell, or right after any character a spreadsheet might split on, gets a `'`.
 */
export function csvCell(value: string): string {
  let safe = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const atStart =
      i === 0 ||
      SEPARATORS.test(value[i - 1]!) ||
      (value[i - 1] === '"' && (i === 1 || SEPARATORS.test(value[i - 2]!)));
    if (atStart && FORMULA_START.test(char)) safe += "'";
    safe += char;
  }
  return `"${safe.replace(/"/g, '""')}"`;
}

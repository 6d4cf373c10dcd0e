// The mentor's imported cohort: every report ever imported (nothing is dropped), the re-grade
// verdicts, and the import step that refuses bad files and never counts a report twice.
import { z } from 'zod';
import { reportStatusSchema } from '../schemas/report.ts';
import { exerciseStatusSchema } from '../schemas/progress.ts';
import { reportFileSchema, type Intern, type ReportFile } from '../schemas/report-file.ts';
import { parseReportText } from './formats.ts';

export const COHORT_VERSION = 1 as const;

/** Outcome of re-running the hidden checks on one exercise of one report. */
export const verdictSchema = z
  .object({
    verdict: z
      .enum(['verified', 'mismatched', 'unverified'])
      .describe('verified: the checks agree with the claimed status; mismatched: they do not; unverified: the grader could not run'),
    claimed: exerciseStatusSchema.describe('Status the report claimed'),
    regraded: reportStatusSchema.optional().describe('Status of the re-run, when it ran'),
    message: z.string().describe('One sentence for the mentor'),
    checkedAt: z.string().datetime(),
  })
  .strict();
export type Verdict = z.infer<typeof verdictSchema>;

export const importedReportSchema = z
  .object({
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the report content; equal reports are one report'),
    fileName: z.string().describe('Name of the file it came from'),
    importedAt: z.string().datetime(),
    report: reportFileSchema,
  })
  .strict();
export type ImportedReport = z.infer<typeof importedReportSchema>;

/** What the dashboard persists in the mentor's browser. */
export const cohortSchema = z
  .object({
    version: z.literal(COHORT_VERSION),
    reports: z.array(importedReportSchema).describe('Every imported report, oldest import first'),
    verdicts: z.record(z.string(), verdictSchema).describe('"<fingerprint>/<exercise id>" → re-grade verdict'),
  })
  .strict();
export type Cohort = z.infer<typeof cohortSchema>;

/** Reports are code plus counters; anything larger is not one of ours and would fill the browser's storage. */
export const MAX_REPORT_CHARS = 4_000_000;

export const emptyCohort = (): Cohort => ({ version: COHORT_VERSION, reports: [], verdicts: {} });

export type ImportOutcome =
  | { file: string; kind: 'added'; message: string }
  | { file: string; kind: 'duplicate'; message: string }
  | { file: string; kind: 'refused'; message: string };

/** Interns are told apart by email when the report has one, else by name (case-insensitive). */
export const internKey = (intern: Intern): string =>
  intern.email ? `email:${intern.email.toLowerCase()}` : `name:${intern.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;

export const verdictKey = (fingerprint: string, exerciseId: string): string => `${fingerprint}/${exerciseId}`;

/** SHA-256 hex of the report's canonical JSON (key order fixed by the schema). */
export async function fingerprintOf(report: ReportFile): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(reportFileSchema.parse(report)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The refusal for a file too large to be a report (also used before reading a huge file at all). */
export function oversized(name: string, size: number): ImportOutcome {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return { file: name, kind: 'refused', message: `"${name}" is ${mb(size)}; a progress report is at most ${mb(MAX_REPORT_CHARS)}. Check that this is the file the intern exported from "Export report".` };
}

/** Adds the files' reports to the cohort; returns the new cohort and one outcome per file, in order. */
export async function importReports(cohort: Cohort, files: ReadonlyArray<{ name: string; text: string }>, now: Date = new Date()): Promise<{ cohort: Cohort; outcomes: ImportOutcome[] }> {
  const reports = [...cohort.reports];
  const outcomes: ImportOutcome[] = [];
  for (const { name, text } of files) {
    if (text.length > MAX_REPORT_CHARS) {
      outcomes.push(oversized(name, text.length));
      continue;
    }
    const parsed = parseReportText(text, `"${name}"`);
    if (!parsed.ok) {
      outcomes.push({ file: name, kind: 'refused', message: parsed.error });
      continue;
    }
    const report = parsed.value;
    const fingerprint = await fingerprintOf(report);
    const same = reports.find((r) => r.fingerprint === fingerprint);
    const who = `${report.intern.name} — ${report.set.title}`;
    if (same) {
      outcomes.push({ file: name, kind: 'duplicate', message: `"${name}" is already imported (same report as "${same.fileName}"); it is not counted twice.` });
      continue;
    }
    const key = internKey(report.intern);
    const newer = reports.find((r) => internKey(r.report.intern) === key && r.report.set.id === report.set.id && r.report.exportedAt > report.exportedAt);
    reports.push({ fingerprint, fileName: name, importedAt: now.toISOString(), report });
    const note = newer
      ? ` A newer report for this set (exported ${newer.report.exportedAt}) stays in the table; this one is kept in the history.`
      : '';
    outcomes.push({ file: name, kind: 'added', message: `Imported ${who} (${report.exercises.length} exercises).${note}` });
  }
  return { cohort: { ...cohort, reports }, outcomes };
}

/** The report the table shows for each intern and set: the most recently exported one. */
export function currentReports(cohort: Cohort): ImportedReport[] {
  const latest = new Map<string, ImportedReport>();
  for (const r of cohort.reports) {
    const key = `${internKey(r.report.intern)}|${r.report.set.id}`;
    const held = latest.get(key);
    if (!held || r.report.exportedAt > held.report.exportedAt) latest.set(key, r);
  }
  return [...latest.values()];
}

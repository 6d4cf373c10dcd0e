// The mentor's imported cohort: every report ever imported (nothing is dropped), the re-grade
// verdicts, and the import step that refuses bad files and never counts a report twice.
import { z } from 'zod';
import { isolationSchema, MAX_GRADE_REQUEST_BYTES, reportStatusSchema } from '../schemas/report.ts';
import { exerciseStatusSchema } from '../schemas/progress.ts';
import { reportFileSchema, type Intern, type ReportFile } from '../schemas/report-file.ts';
import { parseReportText } from './formats.ts';

export const COHORT_VERSION = 1 as const;

/** Outcome of re-running the hidden checks on one exercise of one report. */
export const verdictSchema = z
  .object({
    verdict: z
      .enum(['verified', 'mismatched', 'unverified', 'tampered'])
      .describe(
        'verified: the checks agree with the claim in an isolated run with no attempts; mismatched: they do not agree; unverified: no isolated run (the grader could not run, or ran without isolation); tampered: the code tried something the sandbox refused',
      ),
    claimed: exerciseStatusSchema.describe('Status the report claimed'),
    regraded: reportStatusSchema.optional().describe('Status of the re-run, when it ran'),
    isolation: isolationSchema.optional().describe('What fenced the re-run in, when it ran'),
    attempts: z.array(z.string()).optional().describe("What the re-run's code tried that was refused or caught"),
    message: z.string().describe('One sentence for the mentor'),
    checkedAt: z.string().datetime(),
  })
  .strict();
export type Verdict = z.infer<typeof verdictSchema>;

export const importedReportSchema = z
  .object({
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the report content; equal reports are one report'),
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
/** A set holds at most this many exercises (exercise-set schema), so a report does too. */
export const MAX_REPORT_EXERCISES = 200;
/** Clocks differ a little between the intern's machine and the mentor's. */
const CLOCK_SKEW_MS = 10 * 60_000;

export const emptyCohort = (): Cohort => ({ version: COHORT_VERSION, reports: [], verdicts: {} });

export type ImportOutcome =
  | { file: string; kind: 'added'; message: string; flag?: string }
  | { file: string; kind: 'duplicate'; message: string }
  | { file: string; kind: 'refused'; message: string }
  | { file: string; kind: 'unsaved'; message: string };

/** Interns are told apart by email when the report has one, else by name (case-insensitive). */
export const internKey = (intern: Intern): string =>
  intern.email
    ? `email:${intern.email.toLowerCase()}`
    : `name:${intern.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;

export const verdictKey = (fingerprint: string, exerciseId: string): string => `${fingerprint}/${exerciseId}`;

/** SHA-256 hex of the report's canonical JSON (key order fixed by the schema). */
export async function fingerprintOf(report: ReportFile): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(reportFileSchema.parse(report)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

/** The refusal for a file too large to be a report (also used before reading a huge file at all). */
export function oversized(name: string, size: number): ImportOutcome {
  return {
    file: name,
    kind: 'refused',
    message: `"${name}" is ${mb(size)}; a progress report is at most ${mb(MAX_REPORT_CHARS)}. Check that this is the file the intern exported from "Export report".`,
  };
}

/** Why a parsed report cannot be taken as it is (future date, code the grader would refuse), or null. */
function implausible(name: string, report: ReportFile, now: Date): string | null {
  if (Date.parse(report.exportedAt) > now.getTime() + CLOCK_SKEW_MS) {
    return `"${name}" is dated in the future (exported ${report.exportedAt}); a report cannot be newer than now, so it would outrank every real one. Ask the intern to check their computer's clock and export again.`;
  }
  for (const e of report.exercises) {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ exerciseId: e.id, files: e.files, purpose: 'regrade' }),
    ).length;
    if (bytes > MAX_GRADE_REQUEST_BYTES) {
      return `"${name}" carries ${Math.ceil(bytes / 1024)} KB of code for "${e.id}"; the grader accepts at most ${MAX_GRADE_REQUEST_BYTES / 1024} KB per exercise, so it could never be re-graded. Ask the intern to remove generated or copied files and export again.`;
    }
  }
  return null;
}

/** What a genuine later export of the same intern's work can never show: less done than before. */
function regression(older: ReportFile, newer: ReportFile): string | null {
  for (const before of older.exercises) {
    const after = newer.exercises.find((e) => e.id === before.id);
    if (!after) continue;
    if (after.attempts < before.attempts)
      return `"${before.id}" has ${after.attempts} attempt(s) after ${before.attempts}`;
    if (after.hintsUsed < before.hintsUsed)
      return `"${before.id}" has ${after.hintsUsed} hint(s) after ${before.hintsUsed}`;
    if (before.status === 'passed' && after.status !== 'passed')
      return `"${before.id}" is ${after.status} after being passed`;
    if (before.solutionViewed && !after.solutionViewed) return `"${before.id}" unviews the solution`;
  }
  if (older.intern.name.trim().toLowerCase() !== newer.intern.name.trim().toLowerCase())
    return `the names differ ("${older.intern.name}", "${newer.intern.name}")`;
  return null;
}

/**
 * Two reports for the same intern and set that cannot both be theirs (the later one shows less done,
 * or another name under the same email): one is someone else's or edited. Flagged, never silently
 * ranked by date. Returns a message per intern key.
 */
export function conflictingClaims(cohort: Cohort): Map<string, string> {
  const groups = new Map<string, ImportedReport[]>();
  for (const r of cohort.reports) {
    const key = `${internKey(r.report.intern)}|${r.report.set.id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const flags = new Map<string, string>();
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => a.report.exportedAt.localeCompare(b.report.exportedAt));
    for (let i = 1; i < ordered.length; i++) {
      const why = regression(ordered[i - 1]!.report, ordered[i]!.report);
      if (!why) continue;
      const intern = ordered[i]!.report.intern;
      flags.set(
        internKey(intern),
        `Two reports claim ${intern.name} for "${ordered[i]!.report.set.title}" but cannot both be theirs ("${ordered[i - 1]!.fileName}" then "${ordered[i]!.fileName}": ${why}). Ask the intern which one is theirs.`,
      );
      break;
    }
  }
  return flags;
}

/** Adds the files' reports to the cohort; returns the new cohort and one outcome per file, in order. */
export async function importReports(
  cohort: Cohort,
  files: ReadonlyArray<{ name: string; text: string }>,
  now: Date = new Date(),
): Promise<{ cohort: Cohort; outcomes: ImportOutcome[] }> {
  const reports = [...cohort.reports];
  const outcomes: ImportOutcome[] = [];
  for (const { name, text } of files) {
    try {
      outcomes.push(await importOne(reports, name, text, now));
    } catch (error) {
      // One file that breaks the parser (a huge array, a pathological nesting) never blocks the batch.
      outcomes.push({
        file: name,
        kind: 'refused',
        message: `"${name}" could not be read as a progress report (${(error as Error).message}). Ask the intern to export it again.`,
      });
    }
  }
  const flags = conflictingClaims({ ...cohort, reports });
  for (const outcome of outcomes) {
    const added = outcome.kind === 'added' ? reports.find((r) => r.fileName === outcome.file) : undefined;
    const flag = added && flags.get(internKey(added.report.intern));
    if (outcome.kind === 'added' && flag) outcome.flag = flag;
  }
  return { cohort: { ...cohort, reports }, outcomes };
}

async function importOne(reports: ImportedReport[], name: string, text: string, now: Date): Promise<ImportOutcome> {
  if (text.length > MAX_REPORT_CHARS) return oversized(name, text.length);
  const parsed = parseReportText(text, `"${name}"`, MAX_REPORT_EXERCISES);
  if (!parsed.ok) return { file: name, kind: 'refused', message: parsed.error };
  const report = parsed.value;
  const why = implausible(name, report, now);
  if (why) return { file: name, kind: 'refused', message: why };
  const fingerprint = await fingerprintOf(report);
  const same = reports.find((r) => r.fingerprint === fingerprint);
  if (same)
    return {
      file: name,
      kind: 'duplicate',
      message: `"${name}" is already imported (same report as "${same.fileName}"); it is not counted twice.`,
    };
  const key = internKey(report.intern);
  const newer = reports.find(
    (r) =>
      internKey(r.report.intern) === key &&
      r.report.set.id === report.set.id &&
      r.report.exportedAt > report.exportedAt,
  );
  reports.push({ fingerprint, fileName: name, importedAt: now.toISOString(), report });
  const note = newer
    ? ` A newer report for this set (exported ${newer.report.exportedAt}) stays in the table; this one is kept in the history.`
    : '';
  return {
    file: name,
    kind: 'added',
    message: `Imported ${report.intern.name} — ${report.set.title} (${report.exercises.length} exercises).${note}`,
  };
}

/** When the import could not be saved: every file that was read says "not saved", never "Imported". */
export function notSaved(outcomes: readonly ImportOutcome[], reason: string): ImportOutcome[] {
  return outcomes.map((o) =>
    o.kind === 'added'
      ? {
          file: o.file,
          kind: 'unsaved',
          message: `Not saved: "${o.file}" was read, but the dashboard could not save it (${reason}). It is gone when you reload; free browser storage and import it again.`,
        }
      : o,
  );
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

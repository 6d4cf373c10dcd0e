// Turns untrusted text (an imported file, a link) into a validated value, or into one message that
// names the file, what is wrong with it and what to do instead.
import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

interface Kind {
  /** The value of the "format" field that marks this kind of file. */
  format: string;
  /** The newest version this workbook reads. */
  version: number;
  /** What the file is called in messages, e.g. "progress report". */
  noun: string;
  /** What to do to get a good file, appended to format errors. */
  remedy: string;
}

/** Other formats of this workbook, so a file of the wrong kind is named instead of called damaged. */
const KNOWN_FORMATS: Record<string, string> = {
  'backend-workbook/exercise-set': 'an exercise set',
  'backend-workbook/progress-report': 'a progress report',
  'backend-workbook/progress': 'a progress file',
};

/** Parses `text` as JSON of the given kind and validates it with `schema`. */
export function parseFile<S extends z.ZodType>(
  text: string,
  source: string,
  kind: Kind,
  schema: S,
  precheck?: (raw: object) => string | null,
): Parsed<z.infer<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${source} is not a JSON file (${(error as Error).message}). ${kind.remedy}` };
  }
  // A cheap size check before validation: zod would otherwise walk (and report) every item of a huge list.
  const tooBig = typeof raw === 'object' && raw !== null && precheck ? precheck(raw) : null;
  if (tooBig) return { ok: false, error: tooBig };
  return parseValue(raw, source, kind, schema);
}

/** Validates an already-decoded value of the given kind with `schema`. */
export function parseValue<S extends z.ZodType>(
  raw: unknown,
  source: string,
  kind: Kind,
  schema: S,
): Parsed<z.infer<S>> {
  const noun = `a Backend Workbook ${kind.noun}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      error: `${source} is not ${noun}: it holds ${Array.isArray(raw) ? 'a list' : typeof raw}, not an object. ${kind.remedy}`,
    };
  }
  const { format, version } = raw as { format?: unknown; version?: unknown };
  if (format !== kind.format) {
    const other = typeof format === 'string' ? KNOWN_FORMATS[format] : undefined;
    const what = other
      ? `it is ${other}`
      : format === undefined
        ? `it has no "format": "${kind.format}" field`
        : `its "format" is ${JSON.stringify(format)}`;
    return { ok: false, error: `${source} is not ${noun}: ${what}. ${kind.remedy}` };
  }
  if (typeof version === 'number' && version > kind.version) {
    return {
      ok: false,
      error: `${source} was written by a newer workbook (${kind.noun} version ${version}; this one reads up to ${kind.version}). Update this workbook, then import it again.`,
    };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues;
  const shown = issues.slice(0, 4).map((i) => `field "${formatPath(i.path)}" ${describeIssue(i.message)}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more problem(s)` : '';
  return { ok: false, error: `${source} is a damaged ${kind.noun}: ${shown.join('; ')}${more}. ${kind.remedy}` };
}

/** `["exercises", 0, "id"]` → `exercises[0].id`; the root is "(root)". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** zod says "Invalid input: expected string, received undefined"; a reader wants "is missing". */
function describeIssue(message: string): string {
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(message);
  if (missing) return `is missing (expected ${missing[1]})`;
  // After `field "x"` the sentence reads better lower-cased (acronyms stay).
  return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}

// Places in the learner's files that a result names (shared by the page and the CLI): a thrown error's frame
// ("at src/domain/task/task.entity.ts:42:11"), a type or syntax error ("src/x.ts:3:5 …").
// The page links them to the editor and marks the lines; nothing here touches the DOM.
import type { CheckReport } from './report.ts';

export interface FileLocation {
  path: string;
  line: number;
  column: number;
}

/** A piece of result text: plain, or a location in one of the learner's files. */
export type TextPart = { text: string } | { text: string; location: FileLocation };

/** A line to mark in the editor, with what to say when hovered. */
export interface FailureMark extends FileLocation {
  message: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits `text` around every `path:line[:column]` naming one of `files` (longest paths first). */
export function splitLocations(text: string, files: readonly string[]): TextPart[] {
  if (files.length === 0) return text ? [{ text }] : [];
  const names = [...files].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A path is only a path when it is not the tail of a longer one (e.g. "other/src/x.ts").
  const pattern = new RegExp(`(?<![\\w./-])(${names.join('|')}):(\\d+)(?::(\\d+))?`, 'g');
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ text: text.slice(at, index) });
    const column = match[3] === undefined ? 1 : Number(match[3]);
    parts.push({ text: match[0], location: { path: match[1] ?? '', line: Number(match[2]), column } });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

const locationsIn = (text: string, files: readonly string[]): FileLocation[] =>
  splitLocations(text, files).flatMap((p) => ('location' in p ? [p.location] : []));

/** Every learner-file location a report names, with the check (or the run error) it belongs to. */
export function failureMarks(report: CheckReport, files: readonly string[]): FailureMark[] {
  const marks: FailureMark[] = [];
  for (const line of (report.message ?? '').split('\n'))
    for (const location of locationsIn(line, files)) marks.push({ ...location, message: line.trim() });
  if (report.status !== 'error')
    for (const check of report.checks) {
      if (check.status === 'passed' || !check.message) continue;
      const first = check.message.split('\n').find((l) => l.trim()) ?? '';
      for (const location of locationsIn(check.message, files))
        marks.push({ ...location, message: `${check.name}: ${first.trim()}` });
    }
  return marks;
}

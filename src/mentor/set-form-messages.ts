// The set builder's problems in plain words, one per form field, shown next to that field.
// zod's messages ("Too small: expected string to have >=3 characters") are for developers.
import type { z } from 'zod';

/** The form fields a problem can belong to. */
export type SetFormField = 'title' | 'mentor' | 'notes' | 'exercises';

const PLAIN: Record<SetFormField, string> = {
  title: 'Give the set a title of 3 to 120 characters, e.g. "Week 1 warm-up".',
  mentor: 'Write your name (up to 80 characters), so the intern knows who assigned the set.',
  notes: 'Notes can be at most 2000 characters; shorten them.',
  exercises: 'Tick at least one exercise below (at most 200).',
};

/** One plain message per field that has a problem; the set id is derived from the title. */
export function setFormMessages(issues: readonly z.core.$ZodIssue[]): Partial<Record<SetFormField, string>> {
  const messages: Partial<Record<SetFormField, string>> = {};
  for (const issue of issues) {
    const key = String(issue.path[0]);
    const field: SetFormField | undefined = key === 'id' ? 'title' : key in PLAIN ? (key as SetFormField) : undefined;
    if (!field || messages[field]) continue;
    // A duplicate or a bad due date is about one exercise: say which, in its own words.
    messages[field] = field === 'exercises' && issue.path.length > 1 ? `An exercise ${issue.message}.` : PLAIN[field];
  }
  return messages;
}

/** "3 exercises selected" */
export const pickedCount = (n: number) => `${n} exercise${n === 1 ? '' : 's'} selected`;

import { z } from 'zod';
import { browserCapabilitySchema } from './browser-capability.ts';
import { exerciseIdSchema, workspacePathSchema } from './exercise.ts';

/** One editor tab. */
export const editorFileSchema = z
  .object({
    path: workspacePathSchema,
    editable: z.boolean().describe('true: the learner edits it; false: service code shown for context'),
    content: z.string().describe('Starter code for editable files, service code for read-only ones'),
  })
  .strict();

/** /exercises/<id>/editor.json: written by the build, read by the exercise page when the learner reaches it. */
export const editorDataSchema = z
  .object({
    id: exerciseIdSchema,
    files: z.array(editorFileSchema).min(1).describe('Tabs in order'),
    solution: z.record(z.string(), z.string()).describe('Workspace path → reference answer, for the solution diff'),
    libs: z
      .array(z.object({ path: z.string(), content: z.string() }).strict())
      .describe("Type libraries for Monaco's TypeScript worker"),
    browser: browserCapabilitySchema.describe('Whether the browser engine can grade this exercise, and why not'),
    timeLimitMs: z
      .number()
      .int()
      .positive()
      .describe('Wall-clock limit of one grading run (the browser engine enforces it)'),
  })
  .strict();
export type EditorData = z.infer<typeof editorDataSchema>;
export type EditorFile = z.infer<typeof editorFileSchema>;

/** Validates a fetched editor.json; the error names the URL and the fields (a stale or broken build). */
export function parseEditorData(raw: unknown, url: string): EditorData {
  const parsed = editorDataSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `"${i.path.join('.') || '(root)'}" ${i.message}`).join('; ');
  throw new Error(`${url} is not editor data this page understands (${fields}); rebuild the site and reload.`);
}

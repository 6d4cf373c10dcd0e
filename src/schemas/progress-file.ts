import { z } from 'zod';
import { progressSchema } from './progress.ts';

export const PROGRESS_FILE_FORMAT = 'backend-workbook/progress' as const;
export const PROGRESS_FILE_VERSION = 1 as const;

/**
 * The learner's whole progress as a file: exported by one workbook (another address, another
 * machine, or the `workbook` CLI) and imported into another, which merges it after showing the changes.
 */
export const progressFileSchema = z
  .object({
    format: z.literal(PROGRESS_FILE_FORMAT).describe('Marks the file as a progress file of this workbook'),
    version: z.literal(PROGRESS_FILE_VERSION).describe('Format version; bumped on incompatible change'),
    exportedAt: z.string().datetime().describe('When the file was written'),
    source: z
      .string()
      .max(200)
      .describe('Where it came from: the page address (e.g. "http://127.0.0.1:4321") or "workbook CLI"'),
    progress: progressSchema.describe('The saved progress object, whole (every key travels, e.g. milestones)'),
  })
  .strict();
export type ProgressFile = z.infer<typeof progressFileSchema>;

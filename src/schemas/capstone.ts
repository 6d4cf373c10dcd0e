import { z } from 'zod';
import { projectMilestoneSchema } from './project.ts';

/** A chapter section that teaches part of a milestone; the build checks the heading exists in that week. */
export const capstoneChapterLinkSchema = z
  .object({
    week: z.number().int().min(1).max(12).describe('The chapter (week number)'),
    heading: z.string().min(1).describe('A heading of that chapter, exactly as written in week-NN.mdx'),
    for: z.string().min(3).describe('What of the milestone it teaches, in a few words'),
  })
  .strict();
export type CapstoneChapterLink = z.infer<typeof capstoneChapterLinkSchema>;

/**
 * Front matter of one milestone page (src/content/capstone/<milestone>.md). The body is the
 * milestone's contract: the one place it is written (docs/capstone.md points here; checks/project/<m>/rules.md maps it to checks).
 */
export const capstoneMilestoneSchema = z
  .object({
    milestone: projectMilestoneSchema.describe('Which milestone; equal to the file name'),
    title: z.string().min(3).describe('Page title, e.g. "The HTTP contract for accounts and tasks"'),
    weeks: z.string().min(1).describe('The weeks it belongs to, e.g. "1–2"'),
    summary: z.string().min(20).describe('One paragraph for the Capstone overview and search'),
    teaches: z.array(capstoneChapterLinkSchema).describe('Chapter sections that teach what the contract asks'),
    draft: z
      .boolean()
      .default(false)
      .describe('True while the contract is still being written: the page says so and offers no check'),
  })
  .strict();
export type CapstoneMilestone = z.infer<typeof capstoneMilestoneSchema>;

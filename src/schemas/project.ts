import { z } from 'zod';

/** The capstone's milestones, in order: each has a hidden acceptance suite in checks/project/<id>/. */
export const PROJECT_MILESTONES = ['m1', 'm2', 'm3', 'm4'] as const;
export const projectMilestoneSchema = z
  .enum(PROJECT_MILESTONES)
  .describe('Milestone id: m1 domain + HTTP contract, m2 persistence/cache/queue/events, m3 hardening, m4 coverage');
export type ProjectMilestone = z.infer<typeof projectMilestoneSchema>;

/** The report/progress id of a milestone ("project-m1"): exercise-like, so reports and progress carry it unchanged. */
export const projectReportId = (milestone: ProjectMilestone) => `project-${milestone}` as const;

/** `workbook.project.json` at the root of an intern's project: which milestones it has passed. */
export const workbookProjectSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1).describe('The project name (package.json name)'),
    milestones: z
      .partialRecord(
        projectMilestoneSchema,
        z
          .object({
            passedAt: z.string().datetime().describe('When `workbook project check` last passed this milestone'),
            isolation: z.string().describe('What fenced the service in during that run'),
          })
          .strict(),
      )
      .describe('Milestones passed so far; absent means not passed yet'),
  })
  .strict();
export type WorkbookProject = z.infer<typeof workbookProjectSchema>;

/** One anchored change to a reference service file: `find` must occur exactly once in `file`. */
export const serviceEditSchema = z
  .object({
    file: z.string().regex(/^src\//, 'must be a path inside service/, e.g. "src/domain/task/task.entity.ts"'),
    find: z.string().min(1).describe('Text that occurs exactly once in the file'),
    replace: z.string().describe('What it becomes'),
  })
  .strict();
export type ServiceEdit = z.infer<typeof serviceEditSchema>;

/** A deliberately broken reference service (checks/project/variants/*.json): the milestone's suite must fail on it. */
export const projectVariantSchema = z
  .object({
    milestone: projectMilestoneSchema,
    description: z.string().min(1).describe('The contract rule the variant breaks'),
    failingCheck: z.string().min(1).describe('The check that must fail on it, by name'),
    edits: z.array(serviceEditSchema).default([]).describe('Anchored changes to service files'),
    remove: z
      .array(
        z
          .string()
          .regex(/^(src|test)(\/.*[^/])?$/, 'must be a file or folder inside service/src or service/test, e.g. "test"')
          .refine((path) => !path.split('/').includes('..'), 'must not leave the service folder'),
      )
      .default([])
      .describe('Files or folders of the service the variant deletes (each must exist), e.g. its tests'),
  })
  .strict()
  .refine((v) => v.edits.length + v.remove.length > 0, {
    message: 'a variant needs at least one edit or removal',
    path: ['edits'],
  });
export type ProjectVariant = z.infer<typeof projectVariantSchema>;

/** The most a project archive (a .tar.gz of the project without node_modules) may weigh: what a report can carry. */
export const MAX_PROJECT_ARCHIVE_BYTES = 2 * 1024 * 1024;

/** A project archive as a report carries it: base64 of the .tar.gz bytes. */
export const projectArchiveSchema = z
  .string()
  .max(
    Math.ceil(MAX_PROJECT_ARCHIVE_BYTES / 3) * 4,
    'is larger than 2 MB; pack the project without node_modules, dist and coverage',
  )
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
  .describe("Base64 of the project's .tar.gz (no node_modules), at most 2 MB before encoding");

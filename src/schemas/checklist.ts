import { z } from 'zod';

export const CHECKLISTS_VERSION = 1 as const;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checklist, item, assessment and area ids are kebab-case so they stay readable in saved data. */
export const checklistIdSchema = z
  .string()
  .regex(kebab, 'must be kebab-case, e.g. "option-a-requirements"')
  .describe('Kebab-case id of a checklist, unique across the workbook');

export const checklistItemIdSchema = z
  .string()
  .regex(kebab, 'must be kebab-case, e.g. "rbac"')
  .describe('Kebab-case id of one item, unique within its checklist');

/** One requirement as written in MDX: a plain label (its id is derived from it) or an explicit id and label. */
export const checklistItemInputSchema = z.union([
  z.string().min(3).describe('Label; the id is its kebab-case slug'),
  z
    .object({
      id: checklistItemIdSchema,
      label: z.string().min(3).describe('Text shown next to the checkbox'),
    })
    .strict(),
]);
export type ChecklistItemInput = z.infer<typeof checklistItemInputSchema>;

/** Props of <Checklist />, validated at build time so a typo fails the build with the checklist id. */
export const checklistPropsSchema = z
  .object({
    id: checklistIdSchema,
    title: z.string().min(3).optional().describe('Heading shown above the list'),
    items: z.array(checklistItemInputSchema).min(1).describe('The requirements the intern ticks'),
  })
  .strict();
export type ChecklistProps = z.infer<typeof checklistPropsSchema>;

/** A score the learner gives one assessment area: a percentage. */
export const areaScoreSchema = z.number().finite().min(0).max(100).describe('Score in percent, 0–100');

/** What the browser keeps under `workbook:checklists:v1`. */
export const savedChecklistsSchema = z
  .object({
    version: z.literal(CHECKLISTS_VERSION),
    checklists: z
      .record(
        checklistIdSchema,
        z
          .object({
            checked: z.array(checklistItemIdSchema).describe('Ids of the ticked items'),
            updatedAt: z.string().datetime(),
          })
          .strict(),
      )
      .describe('Checklist id → its ticked items'),
    assessments: z
      .record(
        checklistIdSchema,
        z
          .object({
            scores: z.record(checklistItemIdSchema, areaScoreSchema).describe('Area id → score'),
            updatedAt: z.string().datetime(),
          })
          .strict(),
      )
      .describe('Self-assessment id → the scores entered so far'),
  })
  .strict();
export type SavedChecklists = z.infer<typeof savedChecklistsSchema>;

/** One weighted area of a self-assessment. */
export const assessmentAreaSchema = z
  .object({
    id: checklistItemIdSchema,
    label: z.string().min(3),
    weight: z.number().int().positive().max(100).describe('Weight in percent of the total'),
    criteria: z.array(z.string().min(3)).min(1).describe('What a reviewer looks at in this area'),
  })
  .strict();
export type AssessmentArea = z.infer<typeof assessmentAreaSchema>;

/** A self-assessment: weighted areas whose weights add up to 100, and a pass mark. */
export const assessmentDefinitionSchema = z
  .object({
    id: checklistIdSchema,
    title: z.string().min(3),
    passMark: areaScoreSchema.describe('Weighted total needed to pass'),
    areas: z.array(assessmentAreaSchema).min(1),
  })
  .strict()
  .superRefine((def, ctx) => {
    const sum = def.areas.reduce((total, area) => total + area.weight, 0);
    if (sum !== 100) {
      ctx.addIssue({ code: 'custom', path: ['areas'], message: `weights must add up to 100, got ${sum}` });
    }
    const ids = def.areas.map((area) => area.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['areas'], message: `area id "${duplicate}" is used twice` });
    }
  });
export type AssessmentDefinition = z.infer<typeof assessmentDefinitionSchema>;

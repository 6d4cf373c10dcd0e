/** A schema change one migration makes to the table the plan is about. */
export type SchemaChange =
  | { op: 'add-column'; column: string; notNull: boolean; hasDefault: boolean }
  | { op: 'set-not-null'; column: string }
  | { op: 'drop-column'; column: string }
  | { op: 'rename-column'; column: string; to: string };

/** One step of the plan, applied in order: a migration, a code release, or a data backfill. */
export type PlanStep =
  | { kind: 'migrate'; change: SchemaChange }
  | { kind: 'deploy'; reads: string[]; writes: string[] }
  | { kind: 'backfill'; column: string };

/** Where the plan starts: the table's columns and the columns the running code reads and writes. */
export interface PlanStart {
  columns: string[];
  reads: string[];
  writes: string[];
}

export type PlanRule =
  | 'RENAME_IN_PLACE'
  | 'NOT_NULL_WITHOUT_DEFAULT'
  | 'CODE_BEFORE_SCHEMA'
  | 'BACKFILL_BEFORE_WRITES'
  | 'READ_BEFORE_BACKFILL'
  | 'NOT_NULL_BEFORE_BACKFILL'
  | 'DROP_WHILE_USED';

export interface PlanFinding {
  /** 1-based index of the step in the plan. */
  step: number;
  rule: PlanRule;
  message: string;
}

/** Every step of the plan that would break a rolling deploy or lose data, in step order. */
export function reviewPlan(start: PlanStart, steps: PlanStep[]): PlanFinding[] {
  throw new Error(`Not implemented: reviewPlan (${start.columns.length} columns, ${steps.length} steps)`);
}

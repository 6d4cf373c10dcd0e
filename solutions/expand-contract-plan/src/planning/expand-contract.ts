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
  const columns = new Set(start.columns);
  let reads = new Set(start.reads);
  let writes = new Set(start.writes);
  // Columns this plan added that hold no data for existing rows until they are backfilled.
  const unfilled = new Set<string>();
  const findings: PlanFinding[] = [];

  steps.forEach((step, index) => {
    const report = (rule: PlanRule, message: string) => findings.push({ step: index + 1, rule, message });

    if (step.kind === 'deploy') {
      const used = [...new Set([...step.reads, ...step.writes])];
      const missing = used.filter((column) => !columns.has(column));
      if (missing.length > 0) {
        report('CODE_BEFORE_SCHEMA', `the release uses ${missing.join(', ')} before a migration adds it`);
      }
      const empty = step.reads.filter((column) => unfilled.has(column));
      if (empty.length > 0) {
        report('READ_BEFORE_BACKFILL', `the release reads ${empty.join(', ')} before existing rows are backfilled`);
      }
      reads = new Set(step.reads);
      writes = new Set(step.writes);
      return;
    }

    if (step.kind === 'backfill') {
      if (!writes.has(step.column)) {
        report(
          'BACKFILL_BEFORE_WRITES',
          `the running code does not write ${step.column} yet: rows written after the backfill stay empty`,
        );
      }
      unfilled.delete(step.column);
      return;
    }

    const change = step.change;
    switch (change.op) {
      case 'rename-column':
        report('RENAME_IN_PLACE', `renaming ${change.column} breaks the code still using it; expand and contract`);
        columns.delete(change.column);
        columns.add(change.to);
        break;
      case 'add-column':
        if (change.notNull && !change.hasDefault) {
          report('NOT_NULL_WITHOUT_DEFAULT', `${change.column} is NOT NULL with no default: running inserts fail`);
        }
        columns.add(change.column);
        unfilled.add(change.column);
        break;
      case 'set-not-null':
        if (unfilled.has(change.column)) {
          report('NOT_NULL_BEFORE_BACKFILL', `${change.column} still has empty rows; backfill before SET NOT NULL`);
        }
        break;
      case 'drop-column':
        if (reads.has(change.column) || writes.has(change.column)) {
          report('DROP_WHILE_USED', `the running code still uses ${change.column}`);
        }
        columns.delete(change.column);
        break;
    }
  });
  return findings;
}

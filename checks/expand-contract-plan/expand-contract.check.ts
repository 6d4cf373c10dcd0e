import { describe, expect, it } from 'vitest';
import { reviewPlan, type PlanStart, type PlanStep } from '../src/planning/expand-contract.js';

const start: PlanStart = { columns: ['id', 'title'], reads: ['id', 'title'], writes: ['id', 'title'] };
const addName: PlanStep = { kind: 'migrate', change: { op: 'add-column', column: 'name', notNull: false, hasDefault: false } };
const dualWrite: PlanStep = { kind: 'deploy', reads: ['id', 'title'], writes: ['id', 'title', 'name'] };
const backfill: PlanStep = { kind: 'backfill', column: 'name' };
const readNew: PlanStep = { kind: 'deploy', reads: ['id', 'name'], writes: ['id', 'title', 'name'] };
const onlyNew: PlanStep = { kind: 'deploy', reads: ['id', 'name'], writes: ['id', 'name'] };
const notNull: PlanStep = { kind: 'migrate', change: { op: 'set-not-null', column: 'name' } };
const dropTitle: PlanStep = { kind: 'migrate', change: { op: 'drop-column', column: 'title' } };

const found = (steps: PlanStep[], from: PlanStart = start) => reviewPlan(from, steps).map((f) => [f.step, f.rule]);

describe('reviewPlan', () => {
  it('a correct expand-migrate-contract plan has no findings', () => {
    expect(reviewPlan(start, [addName, dualWrite, backfill, readNew, onlyNew, notNull, dropTitle])).toEqual([]);
    const withDefault: PlanStep = { kind: 'migrate', change: { op: 'add-column', column: 'name', notNull: true, hasDefault: true } };
    expect(reviewPlan(start, [withDefault, dualWrite, backfill, readNew])).toEqual([]);
  });

  it('flags a rename in place, and the column has its new name afterwards', () => {
    const rename: PlanStep = { kind: 'migrate', change: { op: 'rename-column', column: 'title', to: 'name' } };
    expect(found([rename])).toEqual([[1, 'RENAME_IN_PLACE']]);
    // After the rename, a release using only `name` finds it in the table.
    expect(found([rename, { kind: 'deploy', reads: ['id', 'name'], writes: ['id', 'name'] }])).toEqual([[1, 'RENAME_IN_PLACE']]);
  });

  it('flags a NOT NULL column added without a default, and only that', () => {
    const bad: PlanStep = { kind: 'migrate', change: { op: 'add-column', column: 'name', notNull: true, hasDefault: false } };
    expect(found([bad])).toEqual([[1, 'NOT_NULL_WITHOUT_DEFAULT']]);
    expect(found([addName])).toEqual([]);
  });

  it('flags a release that uses a column before the migration that adds it, once per release', () => {
    const early: PlanStep = { kind: 'deploy', reads: ['id', 'name', 'slug'], writes: ['id', 'name', 'slug'] };
    expect(found([early])).toEqual([[1, 'CODE_BEFORE_SCHEMA']]);
    const writesOnly: PlanStep = { kind: 'deploy', reads: ['id', 'title'], writes: ['id', 'title', 'name'] };
    expect(found([writesOnly]), 'writing a missing column is as broken as reading it').toEqual([[1, 'CODE_BEFORE_SCHEMA']]);
    expect(found([addName, dualWrite])).toEqual([]);
  });

  it('flags a backfill while the running release does not write the new column yet', () => {
    expect(found([addName, backfill, dualWrite])).toEqual([[2, 'BACKFILL_BEFORE_WRITES']]);
    expect(found([addName, dualWrite, backfill])).toEqual([]);
  });

  it('flags a release that reads an added column before its backfill', () => {
    expect(found([addName, dualWrite, readNew, backfill])).toEqual([[3, 'READ_BEFORE_BACKFILL']]);
    // A default is not the data being moved: the column is still empty until the backfill.
    const withDefault: PlanStep = { kind: 'migrate', change: { op: 'add-column', column: 'name', notNull: false, hasDefault: true } };
    expect(found([withDefault, dualWrite, readNew])).toEqual([[3, 'READ_BEFORE_BACKFILL']]);
    // Columns the table had from the start hold data: reading them needs no backfill.
    expect(found([{ kind: 'deploy', reads: ['id', 'title'], writes: ['id'] }])).toEqual([]);
  });

  it('flags SET NOT NULL on an added column before its backfill', () => {
    expect(found([addName, dualWrite, notNull, backfill])).toEqual([[3, 'NOT_NULL_BEFORE_BACKFILL']]);
    expect(found([addName, dualWrite, backfill, notNull])).toEqual([]);
  });

  it('flags dropping a column the running release still reads', () => {
    expect(found([addName, dualWrite, backfill, dropTitle])).toEqual([[4, 'DROP_WHILE_USED']]);
  });

  it('flags dropping a column the running release still writes, even when it no longer reads it', () => {
    expect(found([addName, dualWrite, backfill, readNew, dropTitle])).toEqual([[5, 'DROP_WHILE_USED']]);
    expect(found([addName, dualWrite, backfill, readNew, onlyNew, dropTitle])).toEqual([]);
  });

  it('judges each step against the release running at that moment, not the first or the last one', () => {
    // The drop is fine after onlyNew, although the starting release used title.
    expect(found([addName, dualWrite, backfill, onlyNew, dropTitle])).toEqual([]);
    // The drop comes before onlyNew: the later release does not excuse it.
    expect(found([addName, dualWrite, backfill, readNew, dropTitle, onlyNew])).toEqual([[5, 'DROP_WHILE_USED']]);
  });

  it('applies a step even when it has a finding, reports several per step in table order, with 1-based steps and messages', () => {
    // The backfill is flagged, but it still fills the column: the later release reads real data.
    expect(found([addName, backfill, dualWrite, readNew])).toEqual([[2, 'BACKFILL_BEFORE_WRITES']]);
    // One release both uses a missing column and reads an unfilled one.
    const both: PlanStep = { kind: 'deploy', reads: ['id', 'name', 'slug'], writes: ['id'] };
    const findings = reviewPlan(start, [addName, both]);
    expect(findings.map((f) => [f.step, f.rule])).toEqual([
      [2, 'CODE_BEFORE_SCHEMA'],
      [2, 'READ_BEFORE_BACKFILL'],
    ]);
    for (const finding of findings) expect(finding.message.length).toBeGreaterThan(10);
  });
});

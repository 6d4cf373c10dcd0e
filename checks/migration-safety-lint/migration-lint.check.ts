import { describe, expect, it } from 'vitest';
import { lintMigration } from '../src/planning/migration-lint.js';

const rules = (sql: string) => lintMigration(sql).map((f) => f.rule);

describe('lintMigration', () => {
  it('flags each unsafe kind of statement', () => {
    expect(rules('ALTER TABLE "Task" DROP COLUMN "legacy";')).toEqual(['DROP_COLUMN']);
    expect(rules('DROP TABLE "Comment";')).toEqual(['DROP_TABLE']);
    expect(rules('ALTER TABLE "Task" RENAME COLUMN "title" TO "name";')).toEqual(['RENAME_COLUMN']);
    expect(rules('ALTER TABLE "Task" ADD COLUMN "tenantId" TEXT NOT NULL;')).toEqual(['ADD_NOT_NULL_WITHOUT_DEFAULT']);
    expect(rules('ALTER TABLE "Task" ALTER COLUMN "tenantId" SET NOT NULL;')).toEqual(['SET_NOT_NULL']);
    expect(rules('CREATE INDEX "Task_status_idx" ON "Task"("status");')).toEqual(['INDEX_NOT_CONCURRENT']);
    expect(rules('CREATE UNIQUE INDEX "User_email_key" ON "User"("email");')).toEqual(['INDEX_NOT_CONCURRENT']);
  });

  it('accepts the safe forms: new tables, defaults, nullable columns, concurrent indexes', () => {
    const safe = `
      CREATE TABLE "Label" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, PRIMARY KEY ("id"));
      ALTER TABLE "Task" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE "Task" ADD COLUMN "labelId" TEXT;
      CREATE INDEX CONCURRENTLY "Task_labelId_idx" ON "Task"("labelId");
      CREATE UNIQUE INDEX CONCURRENTLY "Label_name_key" ON "Label"("name");
    `;
    expect(lintMigration(safe)).toEqual([]);
  });

  it('matches keywords in any case and across line breaks', () => {
    expect(rules('alter   table task\n  drop\tcolumn legacy;')).toEqual(['DROP_COLUMN']);
    expect(rules('Create Index task_idx\n on task (status);')).toEqual(['INDEX_NOT_CONCURRENT']);
    expect(rules('create unique index concurrently task_idx on task (status);'), 'concurrently in lower case is still concurrent').toEqual([]);
  });

  it('reports the statement index and the line where each statement starts', () => {
    const sql = [
      'CREATE TABLE "A" ("id" TEXT NOT NULL);', // 1
      '', // 2
      'ALTER TABLE "Task"', // 3
      '  DROP COLUMN "legacy";', // 4
      'DROP TABLE "Old"; CREATE INDEX "i" ON "A"("id");', // 5
    ].join('\n');
    expect(lintMigration(sql).map((f) => [f.rule, f.statement, f.line])).toEqual([
      ['DROP_COLUMN', 2, 3],
      ['DROP_TABLE', 3, 5],
      ['INDEX_NOT_CONCURRENT', 4, 5],
    ]);
    expect(lintMigration(sql)[0]!.message.length).toBeGreaterThan(0);
  });

  it('still lints a statement that follows a comment, reporting the line of its code', () => {
    const sql = ['ALTER TABLE "Task" ADD COLUMN "x" TEXT; -- nullable for now', '-- the old table is unused since v2', 'DROP TABLE "Old";'].join('\n');
    expect(lintMigration(sql).map((f) => [f.rule, f.statement, f.line])).toEqual([['DROP_TABLE', 2, 3]]);
  });

  it('never lints text inside -- comments', () => {
    const sql = ['-- ALTER TABLE "Task" DROP COLUMN "legacy";', 'ALTER TABLE "Task" ADD COLUMN "x" TEXT; -- later: DROP TABLE "Task";'].join('\n');
    expect(lintMigration(sql)).toEqual([]);
    const inside = ['ALTER TABLE "Task" -- DROP COLUMN "legacy" in the next release', '  ADD COLUMN "x" TEXT;'].join('\n');
    expect(lintMigration(inside), 'a comment in the middle of a statement').toEqual([]);
    const noDefault = ['ALTER TABLE "Task" ADD COLUMN "y" TEXT NOT NULL -- a DEFAULT would be safer', ';'].join('\n');
    expect(rules(noDefault), 'a DEFAULT inside a comment is not a DEFAULT').toEqual(['ADD_NOT_NULL_WITHOUT_DEFAULT']);
  });

  it('a ";" inside a comment neither ends a statement nor hides the next one', () => {
    const sql = ['-- step 1; step 2 comes later', 'DROP TABLE "Old";', 'ALTER TABLE "Task" DROP COLUMN "x"; -- cleanup; see ticket 12'].join('\n');
    expect(lintMigration(sql).map((f) => [f.rule, f.statement, f.line])).toEqual([['DROP_TABLE', 1, 2], ['DROP_COLUMN', 2, 3]]);
  });

  it('lint-ignore suppresses only the rules it names: the statement’s other problems are still reported', () => {
    const sql = ['-- lint-ignore: DROP_COLUMN', 'ALTER TABLE "Task" DROP COLUMN "old", ADD COLUMN "tenantId" TEXT NOT NULL;'].join('\n');
    expect(lintMigration(sql).map((f) => [f.rule, f.statement, f.line])).toEqual([['ADD_NOT_NULL_WITHOUT_DEFAULT', 1, 2]]);
  });

  it('honours -- lint-ignore for the next statement only', () => {
    const sql = [
      '-- lint-ignore: INDEX_NOT_CONCURRENT',
      '',
      'CREATE INDEX "Label_idx" ON "Label"("name");',
      'CREATE INDEX "Task_idx" ON "Task"("title");',
      '-- lint-ignore: DROP_TABLE, DROP_COLUMN',
      'ALTER TABLE "Task" DROP COLUMN "old";',
    ].join('\n');
    expect(lintMigration(sql).map((f) => [f.rule, f.line])).toEqual([['INDEX_NOT_CONCURRENT', 4]]);
  });
});

// A broken variant is the reference plus a difference: anchored edits and, since milestone 4
// (whose variants break the reference's tests, not its answers), files or folders removed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectVariantSchema } from '../../src/schemas/project.ts';
import { writeVariant } from './variants.ts';

const repo = join(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const dest = () => {
  const dir = mkdtempSync(join(repo, '.workbook', 'variant-spec-'));
  made.push(dir);
  return join(dir, 'service');
};
const base = { milestone: 'm4', description: 'd', failingCheck: 'c' } as const;

describe('projectVariantSchema', () => {
  it('accepts removals alone, edits alone, or both', () => {
    expect(projectVariantSchema.parse({ ...base, remove: ['test'] })).toMatchObject({ edits: [], remove: ['test'] });
    const edit = { file: 'src/a.ts', find: 'x', replace: 'y' };
    expect(projectVariantSchema.parse({ ...base, edits: [edit] }).remove).toEqual([]);
  });

  it('refuses a variant that changes nothing, and removals outside service/src and service/test', () => {
    const issues = (data: unknown) =>
      projectVariantSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ ...base })).toEqual(['edits: a variant needs at least one edit or removal']);
    expect(issues({ ...base, remove: ['package.json'] })?.[0]).toMatch(/^remove\.0: must be a file or folder inside/);
    expect(issues({ ...base, remove: ['test/../../grader'] })).toEqual(['remove.0: must not leave the service folder']);
    expect(issues({ ...base, remove: ['test/'] })?.[0]).toMatch(/^remove\.0: must be a file or folder inside/);
  });
});

describe('writeVariant', () => {
  it('deletes what the variant removes and keeps the rest of the reference', () => {
    const dir = dest();
    writeVariant(repo, { ...base, id: 'spec', edits: [], remove: ['test/tasks.e2e.spec.ts', 'src/payments'] }, dir);
    expect(existsSync(join(dir, 'test', 'tasks.e2e.spec.ts'))).toBe(false);
    expect(existsSync(join(dir, 'src', 'payments'))).toBe(false);
    expect(readFileSync(join(dir, 'test', 'auth.e2e.spec.ts'), 'utf8')).toBe(
      readFileSync(join(repo, 'service', 'test', 'auth.e2e.spec.ts'), 'utf8'),
    );
  });

  it('fails naming the variant file when a removed path no longer exists in the service', () => {
    expect(() =>
      writeVariant(repo, { ...base, id: 'gone', edits: [], remove: ['test/nothing-here.ts'] }, dest()),
    ).toThrow(
      'variant gone: service/test/nothing-here.ts does not exist; the service changed, so update checks/project/variants/gone.json.',
    );
  });
});

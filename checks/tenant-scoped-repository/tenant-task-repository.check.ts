import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryTenantTaskRepository, type NewTenantTask } from '../src/tenancy/tenant-task.repository.js';

let repo: InMemoryTenantTaskRepository;
beforeEach(() => {
  repo = new InMemoryTenantTaskRepository();
});

describe('tenant-scoped task repository', () => {
  it('finds a task through the scope of the tenant that saved it', async () => {
    const acme = repo.forTenant('acme');
    const saved = await acme.save({ id: 't1', title: 'Ship it', status: 'TODO' });
    expect(saved).toEqual({ id: 't1', tenantId: 'acme', title: 'Ship it', status: 'TODO' });
    expect(await acme.findById('t1')).toEqual(saved);
  });

  it("never lets another tenant find, list or delete a tenant's task", async () => {
    await repo.forTenant('acme').save({ id: 't1', title: 'Secret plan', status: 'TODO' });
    const globex = repo.forTenant('globex');
    expect(await globex.findById('t1'), "globex must not read acme's task").toBeUndefined();
    expect(await globex.list(), "globex's list must not include acme's task").toEqual([]);
    expect(await globex.delete('t1'), "globex's delete must report nothing deleted").toBe(false);
    expect(await repo.forTenant('acme').findById('t1'), "acme's task must survive globex's delete").toBeDefined();
  });

  it('keeps two tenants’ tasks with the same id apart', async () => {
    await repo.forTenant('acme').save({ id: 'same', title: 'Acme task', status: 'TODO' });
    await repo.forTenant('globex').save({ id: 'same', title: 'Globex task', status: 'COMPLETED' });
    expect((await repo.forTenant('acme').findById('same'))?.title).toBe('Acme task');
    expect((await repo.forTenant('globex').findById('same'))?.title).toBe('Globex task');
    expect(await repo.forTenant('globex').delete('same')).toBe(true);
    expect((await repo.forTenant('acme').findById('same'))?.title, "deleting globex's task must keep acme's").toBe('Acme task');
  });

  it('stamps the scope’s tenant on save, ignoring a tenantId smuggled into the input', async () => {
    const smuggled = { id: 'x', title: 'Injected', status: 'TODO', tenantId: 'globex' } as NewTenantTask;
    const saved = await repo.forTenant('acme').save(smuggled);
    expect(saved.tenantId).toBe('acme');
    expect(await repo.forTenant('globex').findById('x')).toBeUndefined();
    expect((await repo.forTenant('acme').findById('x'))?.tenantId).toBe('acme');
  });

  it("lists only the tenant's tasks, ordered by id, optionally filtered by status", async () => {
    const acme = repo.forTenant('acme');
    await acme.save({ id: 'b', title: 'Second', status: 'TODO' });
    await acme.save({ id: 'a', title: 'First', status: 'COMPLETED' });
    await acme.save({ id: 'c', title: 'Third', status: 'TODO' });
    await repo.forTenant('globex').save({ id: 'a0', title: 'Other', status: 'TODO' });
    expect((await acme.list()).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect((await acme.list({ status: 'TODO' })).map((t) => t.id)).toEqual(['b', 'c']);
  });

  it('returns copies, so mutating a result does not change stored data', async () => {
    const acme = repo.forTenant('acme');
    const saved = await acme.save({ id: 't1', title: 'Original', status: 'TODO' });
    saved.tenantId = 'globex';
    const found = await acme.findById('t1');
    found!.title = 'Changed';
    expect(await acme.findById('t1')).toEqual({ id: 't1', tenantId: 'acme', title: 'Original', status: 'TODO' });
  });

  it('refuses a blank tenant id', () => {
    expect(() => repo.forTenant('')).toThrow(/tenant/i);
    expect(() => repo.forTenant('   ')).toThrow(/tenant/i);
  });

  it('tenant and task ids that run together the same way stay apart (acme + x:1 and acme:x + 1, acme + 1 and acm + e1)', async () => {
    await repo.forTenant('acme').save({ id: 'x:1', title: 'Acme x:1', status: 'TODO' });
    await repo.forTenant('acme:x').save({ id: '1', title: 'Acme:x 1', status: 'TODO' });
    await repo.forTenant('acme').save({ id: '1', title: 'Acme 1', status: 'TODO' });
    await repo.forTenant('acm').save({ id: 'e1', title: 'Acm e1', status: 'TODO' });
    expect((await repo.forTenant('acme').findById('x:1'))?.title).toBe('Acme x:1');
    expect((await repo.forTenant('acme:x').findById('1'))?.title).toBe('Acme:x 1');
    expect((await repo.forTenant('acme').findById('1'))?.title).toBe('Acme 1');
    expect((await repo.forTenant('acm').findById('e1'))?.title).toBe('Acm e1');
    expect((await repo.forTenant('acme').list()).map((t) => t.id), "acme's list").toEqual(['1', 'x:1']);
  });

  it('saving the same id again in one tenant replaces the task', async () => {
    const acme = repo.forTenant('acme');
    await acme.save({ id: 't1', title: 'Draft', status: 'TODO' });
    await acme.save({ id: 't1', title: 'Final', status: 'COMPLETED' });
    expect(await acme.list()).toEqual([{ id: 't1', tenantId: 'acme', title: 'Final', status: 'COMPLETED' }]);
  });

  it('list() returns copies too', async () => {
    const acme = repo.forTenant('acme');
    await acme.save({ id: 't1', title: 'Original', status: 'TODO' });
    const [listed] = await acme.list();
    listed!.title = 'Changed';
    listed!.tenantId = 'globex';
    expect(await acme.findById('t1')).toEqual({ id: 't1', tenantId: 'acme', title: 'Original', status: 'TODO' });
  });

  it('list() orders ids by code unit (uppercase before lowercase, "t10" before "t9"), not by locale', async () => {
    const acme = repo.forTenant('acme');
    for (const id of ['b', 'a', 'B', 't9', 't10']) await acme.save({ id, title: `Task ${id}`, status: 'TODO' });
    expect((await acme.list()).map((t) => t.id)).toEqual(['B', 'a', 'b', 't10', 't9']);
  });

  it('a scope exposes the tenantId it was made for', () => {
    expect(repo.forTenant('acme').tenantId).toBe('acme');
  });
});

export type TaskStatus = 'TODO' | 'IN_PROGRESS' | 'COMPLETED';

export interface TenantTask {
  id: string;
  tenantId: string;
  title: string;
  status: TaskStatus;
}

/** What callers pass to save(): the tenant comes from the scope, never from the input. */
export type NewTenantTask = Omit<TenantTask, 'tenantId'>;

/** Every operation of a scope is confined to its tenant. */
export interface TenantTaskScope {
  readonly tenantId: string;
  save(task: NewTenantTask): Promise<TenantTask>;
  findById(id: string): Promise<TenantTask | undefined>;
  list(filter?: { status?: TaskStatus }): Promise<TenantTask[]>;
  delete(id: string): Promise<boolean>;
}

/** In-memory repository whose only entrance is a per-tenant scope. */
export class InMemoryTenantTaskRepository {
  // One bucket per tenant: a scope can only ever reach its own bucket.
  private readonly buckets = new Map<string, Map<string, TenantTask>>();

  forTenant(tenantId: string): TenantTaskScope {
    if (tenantId.trim() === '') throw new Error('tenantId must be a non-empty string; refusing an unscoped repository');
    const bucket = (): Map<string, TenantTask> => {
      let b = this.buckets.get(tenantId);
      if (!b) this.buckets.set(tenantId, (b = new Map()));
      return b;
    };
    return {
      tenantId,
      async save(task) {
        const stored: TenantTask = { id: task.id, title: task.title, status: task.status, tenantId };
        bucket().set(stored.id, stored);
        return { ...stored };
      },
      async findById(id) {
        const found = bucket().get(id);
        return found ? { ...found } : undefined;
      },
      async list(filter = {}) {
        return [...bucket().values()]
          .filter((t) => filter.status === undefined || t.status === filter.status)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((t) => ({ ...t }));
      },
      async delete(id) {
        return bucket().delete(id);
      },
    };
  }
}

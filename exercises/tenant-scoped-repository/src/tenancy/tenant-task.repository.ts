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
  forTenant(tenantId: string): TenantTaskScope {
    throw new Error(`Not implemented: forTenant(${tenantId})`);
  }
}

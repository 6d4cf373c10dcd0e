export interface AuditEntry {
  /** What happened, e.g. `task.completed`. */
  action: string;
  actorId: string;
  /** What it happened to, e.g. `task:<id>`. */
  subject: string;
  at: Date;
  data?: Record<string, unknown> | undefined;
}

/** An append-only record of who did what, for mentors reviewing activity. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The newest entries first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');

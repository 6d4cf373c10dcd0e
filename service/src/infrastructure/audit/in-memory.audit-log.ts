import type { AuditEntry, AuditLog } from '../../application/ports/audit-log.port.js';

/** Keeps the newest entries in memory (bounded, so a long-running process does not grow forever). */
export class InMemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return this.entries.slice(-limit).reverse();
  }
}

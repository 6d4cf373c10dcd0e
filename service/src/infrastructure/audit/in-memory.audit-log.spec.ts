import { describe, expect, it } from 'vitest';
import { InMemoryAuditLog } from './in-memory.audit-log.js';

describe('InMemoryAuditLog', () => {
  it('returns the newest entries first and keeps at most its capacity', async () => {
    const log = new InMemoryAuditLog(3);
    for (let i = 1; i <= 5; i++) await log.record({ action: `a${i}`, actorId: 'u', subject: 'task:1', at: new Date(i) });
    expect((await log.recent(10)).map((e) => e.action)).toEqual(['a5', 'a4', 'a3']);
    expect((await log.recent(2)).map((e) => e.action)).toEqual(['a5', 'a4']);
  });
});

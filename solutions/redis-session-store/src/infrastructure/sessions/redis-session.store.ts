import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { systemClock, type Clock } from '../../application/ports/clock.port.js';
import type { Actor } from '../../domain/user/actor.js';
import { USER_ROLES } from '../../domain/user/user-role.js';

export const sessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  role: z.enum(USER_ROLES as [string, ...string[]]),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export interface SessionStoreOptions {
  /** Prepended to every key, e.g. "workbook:". */
  prefix: string;
  /** A session unused for this long expires. */
  idleTtlSeconds: number;
  clock?: Clock;
}

/** Server-side sessions: opaque ids for the client, data and expiry in Redis. */
export class RedisSessionStore {
  private readonly clock: Clock;

  constructor(
    private readonly redis: Redis,
    private readonly options: SessionStoreOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async create(actor: Actor): Promise<Session> {
    const now = this.clock.now().toISOString();
    // 256 random bits: an attacker cannot enumerate or predict ids.
    const session: Session = { id: randomBytes(32).toString('base64url'), userId: actor.id, role: actor.role, createdAt: now, lastSeenAt: now };
    await this.redis
      .multi()
      .set(this.sessionKey(session.id), JSON.stringify(session), 'EX', this.options.idleTtlSeconds)
      .sadd(this.userKey(actor.id), session.id)
      .exec();
    return session;
  }

  async get(id: string): Promise<Session | null> {
    const json = await this.redis.get(this.sessionKey(id));
    if (json === null) return null;
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async touch(id: string): Promise<Session | null> {
    const session = await this.get(id);
    if (!session) return null;
    const touched: Session = { ...session, lastSeenAt: this.clock.now().toISOString() };
    // XX: only if the key still exists, so a revoke between the read and this write wins.
    const written = await this.redis.set(this.sessionKey(id), JSON.stringify(touched), 'EX', this.options.idleTtlSeconds, 'XX');
    return written === 'OK' ? touched : null;
  }

  async revoke(id: string): Promise<void> {
    const session = await this.get(id);
    await this.redis.del(this.sessionKey(id));
    if (session) await this.redis.srem(this.userKey(session.userId), id);
  }

  async revokeAllForUser(userId: string): Promise<number> {
    const ids = await this.redis.smembers(this.userKey(userId));
    const removed = ids.length > 0 ? await this.redis.del(...ids.map((id) => this.sessionKey(id))) : 0;
    await this.redis.del(this.userKey(userId));
    return removed;
  }

  private sessionKey(id: string): string {
    return `${this.options.prefix}session:${id}`;
  }

  private userKey(userId: string): string {
    return `${this.options.prefix}user-sessions:${userId}`;
  }
}

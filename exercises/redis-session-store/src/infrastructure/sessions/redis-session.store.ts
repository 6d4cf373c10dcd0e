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
    // TODO: a guessable id, no expiry, no per-user index.
    const session: Session = { id: `${actor.id}-${Date.now()}`, userId: actor.id, role: actor.role, createdAt: now, lastSeenAt: now };
    await this.redis.set(`${this.options.prefix}session:${session.id}`, JSON.stringify(session));
    return session;
  }

  async get(id: string): Promise<Session | null> {
    const json = await this.redis.get(`${this.options.prefix}session:${id}`);
    return json === null ? null : (JSON.parse(json) as Session);
  }

  async touch(id: string): Promise<Session | null> {
    // TODO
    return this.get(id);
  }

  async revoke(id: string): Promise<void> {
    // TODO
  }

  async revokeAllForUser(userId: string): Promise<number> {
    // TODO
    return 0;
  }
}

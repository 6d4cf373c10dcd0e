import { Controller, Get, Inject, Res } from '@nestjs/common';
import { CACHE, type Cache } from '../../application/ports/cache.port.js';
import { NOTIFICATION_QUEUE, type NotificationQueue } from '../../application/ports/notification-queue.port.js';
import { DATABASE, type Database } from '../../infrastructure/persistence/database.provider.js';
import type { HttpResponse } from './http-types.js';

type Check = { status: 'up' } | { status: 'down'; error: string };

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { database: Check; cache: Check; queue: Check };
}

const CHECK_TIMEOUT_MS = 1_500;

/** 200 when every dependency answers, 503 naming the ones that do not (for load balancers and people). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(NOTIFICATION_QUEUE) private readonly queue: NotificationQueue,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthReport> {
    const [database, cache, queue] = await Promise.all([
      check(() => this.database.ping()),
      check(() => this.cache.ping?.() ?? Promise.resolve()),
      check(() => this.queue.ping?.() ?? Promise.resolve()),
    ]);
    const ok = database.status === 'up' && cache.status === 'up' && queue.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, cache, queue } };
  }
}

/** Runs a probe with a deadline: a dependency that hangs is as down as one that refuses. */
async function check(probe: () => Promise<void>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), deadline]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

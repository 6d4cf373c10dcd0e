import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Redis } from 'ioredis';
import { AccountUseCases } from './app/accounts.js';
import type { CompletionNotices, TaskCopies } from './app/ports.js';
import { TaskCommands, TaskQueries } from './app/tasks.js';
import { appModule } from './app.module.js';
import { BullNotices, noNotices } from './adapters/notices.js';
import { noCopies, RedisTaskCopies } from './adapters/redis-copies.js';
import { bcryptHasher, hmacTokens } from './adapters/security.js';
import { SocketBroadcast } from './adapters/socket-broadcast.js';
import type { Settings } from './config.js';
import { openPglite, openPostgres } from './storage/sql.js';
import { SqlAccounts, SqlTasks } from './storage/sql-stores.js';
import { ProblemFilter } from './web/problem-filter.js';
import { slidingWindow } from './web/rate-limit.js';

export interface RunningService {
  readonly app: NestExpressApplication;
  close(): Promise<void>;
}

/** The composition root: opens the database, Redis and the queue, wires the use cases, builds the app. */
export async function buildService(settings: Settings): Promise<RunningService> {
  const sql = settings.databaseUrl ? await openPostgres(settings.databaseUrl) : await openPglite();
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const copies: TaskCopies = redis ? new RedisTaskCopies(redis, settings.redisPrefix) : noCopies;
  const bull = settings.redisUrl ? new BullNotices(settings.redisUrl, settings.redisPrefix) : undefined;
  const notices: CompletionNotices = bull ?? noNotices;
  const tokens = hmacTokens(settings.jwtSecret);
  const broadcast = new SocketBroadcast();
  const accounts = new SqlAccounts(sql);
  const tasks = new SqlTasks(sql);

  const app = await NestFactory.create<NestExpressApplication>(
    appModule({
      accounts: new AccountUseCases(accounts, bcryptHasher(), tokens),
      commands: new TaskCommands({ tasks, accounts, copies, broadcast, notices }),
      queries: new TaskQueries(tasks, copies),
      tokens,
      health: async () => ({
        database: await sql.rows('SELECT 1').then(
          () => 'up' as const,
          () => 'down' as const,
        ),
        redis: redis
          ? await redis.ping().then(
              () => 'up' as const,
              () => 'down' as const,
            )
          : 'not used',
      }),
    }),
    { bodyParser: false, logger: ['error', 'warn'] },
  );
  app.disable('x-powered-by');
  app.use(helmet());
  app.useBodyParser('json', { limit: '100kb' });
  app.use('/auth', slidingWindow(10, 60_000));
  app.useGlobalFilters(new ProblemFilter());
  await app.init();
  broadcast.attach(app.getHttpServer(), tokens);

  return {
    app,
    async close() {
      await broadcast.close();
      await app.close();
      await bull?.close();
      redis?.disconnect();
      await sql.close();
    },
  };
}

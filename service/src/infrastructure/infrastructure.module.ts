import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AUDIT_LOG } from '../application/ports/audit-log.port.js';
import { CACHE, type Cache } from '../application/ports/cache.port.js';
import { CLOCK, systemClock } from '../application/ports/clock.port.js';
import {
  NOTIFICATION_QUEUE,
  NOTIFICATION_SENDER,
  type NotificationQueue,
  type NotificationSender,
} from '../application/ports/notification-queue.port.js';
import { PASSWORD_HASHER } from '../application/ports/password-hasher.port.js';
import { REALTIME_BROADCASTER } from '../application/ports/realtime-broadcaster.port.js';
import { TOKEN_SERVICE } from '../application/ports/token-service.port.js';
import { CONFIG, type ServiceConfig } from '../config.js';
import { TASK_REPOSITORY } from '../domain/task/task.repository.js';
import { USER_REPOSITORY } from '../domain/user/user.repository.js';
import { InMemoryAuditLog } from './audit/in-memory.audit-log.js';
import { InMemoryCache } from './cache/in-memory.cache.js';
import { RedisCache } from './cache/redis.cache.js';
import { connectRedis } from './cache/redis-connection.js';
import { DATABASE, openDatabase, type Database } from './persistence/database.provider.js';
import { PrismaTaskRepository } from './persistence/prisma-task.repository.js';
import { PrismaUserRepository } from './persistence/prisma-user.repository.js';
import { BullMqNotificationQueue } from './queue/bullmq-notification.queue.js';
import { InProcessNotificationQueue } from './queue/in-process.queue.js';
import { LoggingNotificationSender } from './queue/logging-notification.sender.js';
import { TasksGateway } from './realtime/tasks.gateway.js';
import { BcryptPasswordHasher } from './security/bcrypt.password-hasher.js';
import { JwtTokenService } from './security/jwt.token-service.js';

export const CACHE_REDIS = Symbol('CACHE_REDIS');

type ClosableQueue = NotificationQueue & { close(): Promise<void> };

/** Closes what the factories opened, in dependency order, when Nest shuts down (SIGTERM). */
class InfrastructureShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    @Inject(NOTIFICATION_QUEUE) private readonly queue: ClosableQueue,
    @Inject(CACHE_REDIS) private readonly redis: Redis | null,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Workers first: a job being delivered may still need the database or Redis.
    await this.queue.close();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
    await this.database.close();
    this.logger.log('Queue drained, connections closed.');
  }
}

/**
 * Chooses an adapter for every port from the configuration: PostgreSQL or PGlite, Redis or
 * memory, BullMQ or in-process. The application layer only ever sees the ports.
 */
@Module({})
export class InfrastructureModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const logger = new Logger('Infrastructure');
    return {
      module: InfrastructureModule,
      global: true,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: AUDIT_LOG, useValue: new InMemoryAuditLog() },
        { provide: PASSWORD_HASHER, useValue: new BcryptPasswordHasher(config.bcryptCost) },
        { provide: TOKEN_SERVICE, useValue: new JwtTokenService(config.jwtSecret) },
        { provide: NOTIFICATION_SENDER, useClass: LoggingNotificationSender },
        {
          provide: DATABASE,
          useFactory: async () => {
            const database = await openDatabase(config.database);
            logger.log(`Database: ${database.kind} (${database.location})`);
            return database;
          },
        },
        { provide: TASK_REPOSITORY, inject: [DATABASE], useFactory: (db: Database) => new PrismaTaskRepository(db.prisma) },
        { provide: USER_REPOSITORY, inject: [DATABASE], useFactory: (db: Database) => new PrismaUserRepository(db.prisma) },
        {
          provide: CACHE_REDIS,
          useFactory: async () => (config.redis ? connectRedis(config.redis.url) : null),
        },
        {
          provide: CACHE,
          inject: [CACHE_REDIS],
          useFactory: (redis: Redis | null): Cache => {
            logger.log(`Cache: ${redis ? 'Redis' : 'in memory'}`);
            return redis && config.redis ? new RedisCache(redis, config.redis.prefix) : new InMemoryCache();
          },
        },
        {
          provide: NOTIFICATION_QUEUE,
          inject: [NOTIFICATION_SENDER, CACHE_REDIS],
          // Depends on CACHE_REDIS only so that an unreachable REDIS_URL fails before BullMQ starts.
          useFactory: (sender: NotificationSender): ClosableQueue => {
            const queueLogger = new Logger('NotificationQueue');
            logger.log(`Queue: ${config.redis ? 'BullMQ' : 'in process'}`);
            return config.redis
              ? new BullMqNotificationQueue(sender, queueLogger, { redisUrl: config.redis.url, prefix: `${config.redis.prefix}bull` })
              : new InProcessNotificationQueue(sender, queueLogger);
          },
        },
        TasksGateway,
        { provide: REALTIME_BROADCASTER, useExisting: TasksGateway },
        InfrastructureShutdown,
      ],
      exports: [
        CONFIG, CLOCK, AUDIT_LOG, PASSWORD_HASHER, TOKEN_SERVICE, NOTIFICATION_SENDER, DATABASE,
        TASK_REPOSITORY, USER_REPOSITORY, CACHE_REDIS, CACHE, NOTIFICATION_QUEUE, REALTIME_BROADCASTER,
      ],
    };
  }
}

import { Inject, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CACHE } from '../../application/ports/cache.port.js';
import { InMemoryCache } from './in-memory.cache.js';
import { connectRedis } from './redis-connection.js';
import { RedisCache } from './redis.cache.js';

export interface CacheModuleOptions {
  /** Redis to use; the in-memory cache when absent. */
  redisUrl?: string | undefined;
  /** Key prefix in Redis (default "workbook:"). */
  prefix?: string | undefined;
}

/** The Redis connection of this module, or null when it runs on memory. */
export const CACHE_CONNECTION = Symbol('CACHE_CONNECTION');

/** Closes the connection the factory opened when the module shuts down. */
class CacheConnectionCloser implements OnModuleDestroy {
  constructor(@Inject(CACHE_CONNECTION) private readonly redis: Redis | null) {}

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** Binds the Cache port to Redis or memory; the rest of the app only ever sees CACHE. */
@Module({})
export class CacheModule {
  static forRoot(options: CacheModuleOptions): DynamicModule {
    const { redisUrl, prefix = 'workbook:' } = options;
    return {
      module: CacheModule,
      providers: [
        // A rejected factory stops the module from starting, with connectRedis's message.
        { provide: CACHE_CONNECTION, useFactory: () => (redisUrl ? connectRedis(redisUrl) : null) },
        {
          provide: CACHE,
          useFactory: (redis: Redis | null) => (redis ? new RedisCache(redis, prefix) : new InMemoryCache()),
          inject: [CACHE_CONNECTION],
        },
        CacheConnectionCloser,
      ],
      exports: [CACHE],
    };
  }
}

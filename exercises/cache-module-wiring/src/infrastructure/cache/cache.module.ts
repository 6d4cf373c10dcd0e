import { Module, type DynamicModule } from '@nestjs/common';
import { CACHE } from '../../application/ports/cache.port.js';
import { InMemoryCache } from './in-memory.cache.js';

export interface CacheModuleOptions {
  /** Redis to use; the in-memory cache when absent. */
  redisUrl?: string | undefined;
  /** Key prefix in Redis (default "workbook:"). */
  prefix?: string | undefined;
}

@Module({})
export class CacheModule {
  static forRoot(options: CacheModuleOptions): DynamicModule {
    // TODO: Redis is ignored, CACHE is not exported, nothing is closed.
    return {
      module: CacheModule,
      providers: [{ provide: CACHE, useValue: new InMemoryCache() }],
    };
  }
}

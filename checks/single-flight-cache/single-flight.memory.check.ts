import { it } from 'vitest';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { makeScenarios } from './single-flight.scenarios.js';

const s = makeScenarios(async () => new InMemoryCache());
it('in-memory cache: 50 concurrent misses for one key run the load once and all get its value', () => s.concurrentMissesLoadOnce());
it('in-memory cache: a cached value is returned without loading', () => s.hitSkipsLoad());
it('in-memory cache: different keys load independently and concurrently', () => s.keysAreIndependent());
it('in-memory cache: a failed load reaches every waiter, is not cached, and the next call loads again', () => s.failureSharedNotRemembered());

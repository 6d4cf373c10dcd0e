import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000, PGlite in memory, no Redis, and warns about the development secret', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, database: { kind: 'pglite' }, redis: undefined, authRateLimit: 10 });
    expect(config.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.warnings.join()).toMatch(/JWT_SECRET is not set/);
  });

  it('uses PostgreSQL and Redis when their URLs are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app', REDIS_URL: 'redis://cache:6379', PORT: '8080', JWT_SECRET: 'x'.repeat(32) });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/app' });
    expect(config.redis).toEqual({ url: 'redis://cache:6379', prefix: 'workbook:' });
    expect(config.port).toBe(8080);
    expect(config.warnings).toEqual([]);
  });

  it('refuses production without JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(/PORT.*DATABASE_URL.*JWT_SECRET/s);
  });
});

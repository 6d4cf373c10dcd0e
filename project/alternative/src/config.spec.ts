import { describe, expect, it } from 'vitest';
import { settingsFrom } from './config.js';

describe('settingsFrom', () => {
  it('reads the environment the workbook gives, with defaults for a local run', () => {
    expect(
      settingsFrom({
        PORT: '4001',
        HOST: '0.0.0.0',
        JWT_SECRET: 's',
        DATABASE_URL: 'postgresql://x',
        REDIS_URL: 'redis://y',
        REDIS_PREFIX: 'p:',
      }),
    ).toEqual({
      port: 4001,
      host: '0.0.0.0',
      jwtSecret: 's',
      databaseUrl: 'postgresql://x',
      redisUrl: 'redis://y',
      redisPrefix: 'p:',
    });
    const local = settingsFrom({});
    expect(local).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: 'tasks:',
    });
    expect(local.jwtSecret).toHaveLength(64);
  });

  it('refuses a PORT that is not a port, naming it', () => {
    expect(() => settingsFrom({ PORT: 'eighty' })).toThrow(/PORT must be a port number .* not "eighty"/);
  });
});

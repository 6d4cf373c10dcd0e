import { randomBytes } from 'node:crypto';

export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly jwtSecret: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
}

export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0–65535), not "${env['PORT']}"`);
  let jwtSecret = env['JWT_SECRET'];
  if (!jwtSecret) {
    jwtSecret = randomBytes(32).toString('hex');
    console.warn('JWT_SECRET is not set: using a random secret, so tokens die with this process.');
  }
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    jwtSecret,
    databaseUrl: env['DATABASE_URL'] || undefined,
    redisUrl: env['REDIS_URL'] || undefined,
    redisPrefix: env['REDIS_PREFIX'] ?? 'tasks:',
  };
}

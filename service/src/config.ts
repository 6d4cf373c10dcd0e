import { z } from 'zod';

/** A development-only secret, so `npm run service` works with nothing set. Never used in production. */
export const DEVELOPMENT_JWT_SECRET = 'workbook-development-secret-do-not-use-in-production';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where the embedded PGlite keeps its files; unset means in memory (lost on exit). */
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Key prefix in Redis, for the cache and BullMQ, so environments can share one server. */
  REDIS_PREFIX: z.string().default('workbook:'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must have at least 32 characters').optional(),
  /** Requests per minute per client address on /auth/*. */
  AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** bcrypt cost; lower only in tests. */
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
  /**
   * Reverse proxies in front of the service that terminate TLS and add X-Forwarded-For (0: none).
   * With 1, the client address (rate limits, logs) is the one the nearest proxy saw; never set it
   * when clients can reach the service directly, or they can claim any address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
});

/** Injection token for the loaded ServiceConfig. */
export const CONFIG = Symbol('CONFIG');

export interface ServiceConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: { kind: 'pglite'; dataDir?: string | undefined } | { kind: 'postgres'; url: string };
  redis: { url: string; prefix: string } | undefined;
  jwtSecret: string;
  authRateLimit: number;
  bcryptCost: number;
  /** How many proxy hops to trust for the client address; 0 trusts none. */
  trustProxyHops: number;
  /** Set when the development JWT secret is in use, so start-up can say so loudly. */
  warnings: string[];
}

/**
 * Reads the environment once, at start-up. Anything wrong stops the service with a message naming
 * the variable, instead of failing later on the first request that needs it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid service configuration: ${problems}. See service/README.md for the variables.`);
  }
  const e = parsed.data;
  const warnings: string[] = [];
  let jwtSecret = e.JWT_SECRET;
  if (!jwtSecret) {
    if (e.NODE_ENV === 'production') {
      throw new Error('JWT_SECRET is required when NODE_ENV=production (at least 32 random characters).');
    }
    jwtSecret = DEVELOPMENT_JWT_SECRET;
    warnings.push('JWT_SECRET is not set: using the development secret. Anyone can forge tokens; never deploy like this.');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    jwtSecret,
    authRateLimit: e.AUTH_RATE_LIMIT,
    bcryptCost: e.BCRYPT_COST,
    trustProxyHops: e.TRUST_PROXY,
    warnings,
  };
}

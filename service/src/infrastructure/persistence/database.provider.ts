import type { PGlite } from '@electric-sql/pglite';
import type { ServiceConfig } from '../../config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { applyMigrations, createPrismaClient, openPglite, preparePostgres, redact } from './database.js';

/** The open database: the Prisma client plus what /health and shutdown need. */
export interface Database {
  kind: 'pglite' | 'postgres';
  /** Where it is, without secrets, for logs. */
  location: string;
  prisma: PrismaClient;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const DATABASE = Symbol('DATABASE');

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: ServiceConfig['database']): Promise<Database> {
  if (config.kind === 'postgres') {
    await preparePostgres(config.url);
    const prisma = createPrismaClient({ url: config.url });
    return {
      kind: 'postgres',
      location: redact(config.url),
      prisma,
      ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')),
      close: () => prisma.$disconnect(),
    };
  }
  const pglite: PGlite = await openPglite(config.dataDir);
  await applyMigrations(pglite);
  const prisma = createPrismaClient({ pglite });
  return {
    kind: 'pglite',
    location: config.dataDir ?? 'in memory',
    prisma,
    ping: async () => void (await pglite.query('SELECT 1')),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

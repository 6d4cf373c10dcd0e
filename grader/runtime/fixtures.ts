// Copied into every grading workspace as __checks__/fixtures.ts: what hidden checks use to reach
// the infrastructure the grader provides. Checks import it as './fixtures.js'.

/** Redis URL for checks of `needs: ["redis"]` exercises. */
export function redisUrl(): string {
  return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

/** This run's own namespace in Redis: use it as the key prefix (and as BullMQ's `prefix`). */
export function redisPrefix(): string {
  return process.env['WORKBOOK_REDIS_PREFIX'] ?? `wb-local-${process.pid}`;
}

/** Connection URL of the grader's warm PGlite (migrated, emptied before every run) for `needs: ["db"]`. */
export function databaseUrl(): string {
  const url = process.env['WORKBOOK_DATABASE_URL'];
  if (!url) throw new Error('No database for this run: add "db" to the needs of the exercise in exercise.json.');
  return url;
}

/** The part of the service's PrismaClient the fixtures use; checks cast to the real type. */
interface PrismaLike {
  $executeRawUnsafe(sql: string): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
}

let prisma: PrismaLike | undefined;

/** Run by grader/runtime/setup.ts after each check file. */
function cleanups(): (() => Promise<unknown>)[] {
  const holder = globalThis as { __workbookCleanups?: (() => Promise<unknown>)[] };
  holder.__workbookCleanups ??= [];
  return holder.__workbookCleanups;
}

/**
 * A PrismaClient (the service's own, from createPrismaClient) connected to the warm database.
 * Typed loosely here because this file lives outside the service; cast it in the check:
 * `const prisma = (await getPrisma()) as PrismaClient`.
 */
export async function getPrisma(): Promise<PrismaLike> {
  if (prisma) return prisma;
  // A computed path: resolved in the workspace at run time, not by the workbook's type check.
  const database = '../src/infrastructure/persistence/database.js';
  const { createPrismaClient } = (await import(/* @vite-ignore */ database)) as {
    createPrismaClient(target: { url: string; poolSize?: number }): PrismaLike;
  };
  const client = createPrismaClient({ url: databaseUrl(), poolSize: 1 });
  prisma = client;
  // The worker outlives the run: setup.ts disconnects what checks left open.
  cleanups().push(() => client.$disconnect());
  return client;
}

/** Empties every table (for a beforeEach); the grader already does it before each run. */
export async function resetDatabase(): Promise<void> {
  const client = await getPrisma();
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'service_migrations')`,
  );
  if (tables.length > 0)
    await client.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Closes the Prisma connection (an afterAll); the worker lives on between runs. */
export async function closePrisma(): Promise<void> {
  await prisma?.$disconnect();
  prisma = undefined;
}

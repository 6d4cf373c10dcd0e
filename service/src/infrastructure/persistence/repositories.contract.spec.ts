import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../../../test/fixtures/infrastructure.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { applyMigrations, createPrismaClient, openPglite, preparePostgres } from './database.js';
import { InMemoryTaskRepository } from './in-memory-task.repository.js';
import { InMemoryUserRepository } from './in-memory-user.repository.js';
import { PrismaTaskRepository } from './prisma-task.repository.js';
import { PrismaUserRepository } from './prisma-user.repository.js';
import { taskRepositoryContract } from './task-repository.contract.js';
import { userRepositoryContract } from './user-repository.contract.js';
import type { PGlite } from '@electric-sql/pglite';

taskRepositoryContract('in memory', async () => new InMemoryTaskRepository());
userRepositoryContract('in memory', async () => new InMemoryUserRepository());

// One PGlite for the whole file, emptied between tests: creating one costs seconds.
let pglite: PGlite;
let pglitePrisma: PrismaClient;
beforeAll(async () => {
  pglite = await openPglite();
  await applyMigrations(pglite);
  pglitePrisma = createPrismaClient({ pglite });
});
afterAll(async () => {
  await pglitePrisma?.$disconnect();
  await pglite?.close();
});
taskRepositoryContract('Prisma on PGlite', async () => {
  await pglite.exec('TRUNCATE tasks');
  return new PrismaTaskRepository(pglitePrisma);
});
userRepositoryContract('Prisma on PGlite', async () => {
  await pglite.exec('TRUNCATE users');
  return new PrismaUserRepository(pglitePrisma);
});

let postgres: { url: string; drop: () => Promise<void> };
let postgresPrisma: PrismaClient;
beforeAll(async () => {
  postgres = await createTestDatabase('tasks');
  await preparePostgres(postgres.url);
  postgresPrisma = createPrismaClient({ url: postgres.url });
});
afterAll(async () => {
  await postgresPrisma?.$disconnect();
  await postgres?.drop();
});
taskRepositoryContract('Prisma on PostgreSQL', async () => {
  await postgresPrisma.$executeRawUnsafe('TRUNCATE tasks');
  return new PrismaTaskRepository(postgresPrisma);
});
userRepositoryContract('Prisma on PostgreSQL', async () => {
  await postgresPrisma.$executeRawUnsafe('TRUNCATE users');
  return new PrismaUserRepository(postgresPrisma);
});

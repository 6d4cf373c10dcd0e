import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. The service itself connects through driver adapters
// (src/infrastructure/persistence/database.ts) and applies the committed migration SQL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});

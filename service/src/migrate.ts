import { pathToFileURL } from 'node:url';
import { preparePostgres, redact } from './infrastructure/persistence/database.js';

/**
 * `npm run migrate`: applies the committed migrations (prisma/migrations) to DATABASE_URL and
 * exits. CI and deployments run it as its own step, before the release that needs the new schema
 * starts; the service also applies pending migrations at start-up, which finds nothing left to do.
 */
export async function migrate(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string[]> {
  const url = env['DATABASE_URL'];
  if (!url) {
    throw new Error('migrate: DATABASE_URL is not set; give it the PostgreSQL URL to migrate, e.g. postgres://app@db:5432/tasks');
  }
  const applied = await preparePostgres(url);
  log(
    applied.length > 0
      ? `migrate: applied ${applied.join(', ')} to ${redact(url)}`
      : `migrate: ${redact(url)} is up to date, nothing to apply`,
  );
  return applied;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  migrate(process.env, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

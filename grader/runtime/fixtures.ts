// Copied into every grading workspace as __checks__/fixtures.ts: what hidden checks use to reach
// the infrastructure the grader provides (Redis namespace, warm PGlite).

/** Redis URL for checks of `needs: ["redis"]` exercises. */
export function redisUrl(): string {
  return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

/** This run's own namespace in Redis: use it as the key prefix (and BullMQ `prefix`). */
export function redisPrefix(): string {
  return process.env['WORKBOOK_REDIS_PREFIX'] ?? `wb-local-${process.pid}`;
}

/** Connection URL of the grader's warm PGlite (emptied before every run) for `needs: ["db"]`. */
export function databaseUrl(): string {
  const url = process.env['WORKBOOK_DATABASE_URL'];
  if (!url) throw new Error('No database for this run: add "db" to the exercise\'s needs in exercise.json.');
  return url;
}

// A migrated embedded database saved once per machine and loaded by every runner: creating a PGlite
// and migrating it costs seconds of CPU (tens under load), loading a snapshot a fraction of that —
// the difference between a fresh re-grade sandbox that answers in about a second and one that takes
// several. Written only by the grader itself (a child process it starts, from the service's own
// migrations, before any learner code exists), keyed by what it contains (migrations.ts), and
// mounted read-only into sandboxes: learner code can neither write one nor choose which is loaded.
//   node grader/runtime/database-snapshot.ts <service dir> <snapshot file>   (what the grader runs)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, migrationsKey } from './migrations.ts';

/** Where a sandboxed runner sees the snapshot folder (bound read-only). */
export const SNAPSHOTS_INSIDE = '/run/workbook-db';
/** A lock older than this belongs to a maker that died: the next grader may try again. */
const STALE_LOCK_MS = 5 * 60_000;

export const snapshotFile = (dir: string, key: string) => join(dir, `pglite-${key}.tar`);

/**
 * Makes sure `dir` holds the snapshot for `serviceDir`'s migrations. Resolves when it exists, or at
 * once when another grader is making it (runners then migrate their own database, as without one).
 */
export async function ensureDatabaseSnapshot(serviceDir: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const file = snapshotFile(dir, migrationsKey(serviceDir));
  if (existsSync(file)) return;
  const lock = `${file}.lock`;
  try {
    closeSync(openSync(lock, 'wx'));
  } catch {
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age < STALE_LOCK_MS) return;
    rmSync(lock, { force: true });
    return ensureDatabaseSnapshot(serviceDir, dir);
  }
  try {
    // In a child: PGlite runs on the thread that calls it, and the grader's must stay responsive.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [import.meta.filename, serviceDir, file], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (text: string) => {
        stderr = (stderr + text).slice(-2000);
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`making the database snapshot failed (exit ${code}): ${stderr}`)),
      );
    });
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The snapshot's bytes for a workspace's migrations, or undefined when none was made for them. */
export function findSnapshot(dir: string | undefined, serviceDir: string): string | undefined {
  if (!dir) return undefined;
  const file = snapshotFile(dir, migrationsKey(serviceDir));
  return existsSync(file) ? file : undefined;
}

async function make(serviceDir: string, file: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  await applyMigrations(db, serviceDir);
  const dump = await db.dumpDataDir('none');
  await db.close();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file); // readers see the whole file or none
}

if (process.argv[1] === import.meta.filename) {
  const [serviceDir, file] = process.argv.slice(2);
  if (!serviceDir || !file) {
    console.error('usage: node grader/runtime/database-snapshot.ts <service dir> <snapshot file>');
    process.exit(2);
  }
  await make(serviceDir, file);
}

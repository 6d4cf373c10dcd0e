// Each run talks to Redis as its own ACL user, created before the run and deleted after it, that
// can read and write only keys (and channels) under the run's prefix and cannot run dangerous
// commands (FLUSHALL, FLUSHDB, KEYS, CONFIG, SHUTDOWN, DEBUG, MONITOR…). Lua scripts run with the
// caller's rights, so a script cannot reach other keys either. Deleting the user also closes every
// connection it left open.
import { randomBytes } from 'node:crypto';
import { redisCommand } from '../redis.ts';

export interface RunUser {
  name: string;
  password: string;
  /** The Redis URL the run connects with (as this user). */
  url: string;
}

/**
 * Creates the run's user; `url` is where learner code reaches Redis (inside a sandbox, its
 * loopback bridge, which logs in by itself: `withCredentials` false). Rejects when Redis has no ACL (before 6.0): the caller decides what to do.
 */
export async function createRunUser(
  adminUrl: string,
  prefix: string,
  url: string,
  withCredentials: boolean,
): Promise<RunUser> {
  const name = `workbook-${prefix}`;
  const password = randomBytes(18).toString('base64url');
  // Keys are the run's prefix, also under a library's own namespace (`workbook:<prefix>…`): the
  // prefix is random per run, so no other run's key matches either pattern.
  // RESET would log the connection out to `default`; SELECT, SWAPDB and MOVE would leave keys in
  // another database, where the run's cleanup does not look.
  // BullMQ reads INFO (server version) when it connects; INFO is in @dangerous but reveals nothing
  // another run could use to change anything.
  // RANDOMKEY names any key in the database (ACL key patterns do not filter it; SCAN is confined by
  // the bridge, resp-guard.ts). FUNCTION libraries are server-wide and outlive the run (LOAD), and
  // FUNCTION FLUSH/DELETE/KILL and SCRIPT FLUSH/KILL reach every other client's: denied (FCALL and
  // EVAL stay, with the caller's rights).
  const reply = await redisCommand(
    adminUrl,
    [
      'ACL',
      'SETUSER',
      name,
      'reset',
      'on',
      `>${password}`,
      `~${prefix}*`,
      `~*:${prefix}*`,
      `&${prefix}*`,
      '+@all',
      '-@dangerous',
      '+info',
      '-reset',
      '-select',
      '-swapdb',
      '-move',
      '-randomkey',
      '-function',
      '-script|flush',
      '-script|kill',
    ],
    2000,
  );
  // The last line is SETUSER's answer (an AUTH answer may come first).
  if (reply.trim().split('\r\n').pop() !== '+OK')
    throw new Error(`Redis refused to create the run's ACL user: ${reply.trim()}`);
  const target = new URL(url);
  // Behind the sandbox's bridge the URL carries no secret: the host logs connections in itself.
  if (withCredentials) {
    target.username = encodeURIComponent(name);
    target.password = encodeURIComponent(password);
  }
  return { name, password, url: target.toString() };
}

/** Deletes the run's user (closing its connections); best effort. */
export async function deleteRunUser(adminUrl: string, user: RunUser): Promise<void> {
  await redisCommand(adminUrl, ['ACL', 'DELUSER', user.name], 2000).catch(() => undefined);
}

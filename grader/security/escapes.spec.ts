// Real attack submissions through the real grader (one warm grader for the file, bubblewrap +
// Node's permission model + per-run Redis ACL): each attack must be contained, must not pass,
// and the honest submission graded right after it must pass. See grader/README.md (threat model).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/schemas/report.ts';
import { createGrader, type Grader } from '../index.ts';
import { redisCommand } from '../redis.ts';
import { SNAPSHOTS_INSIDE, snapshotFile } from '../runtime/database-snapshot.ts';
import { migrationsKey } from '../runtime/migrations.ts';
import { detectIsolation } from '../sandbox/isolation.ts';
import { attacks, DB, type Exercise, honest, hostile, PURE, REDIS, root } from './attacks.ts';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
let grader: Grader;

beforeAll(async () => {
  // Without bubblewrap the network is open (README): attacks such as FLUSHALL would reach the
  // shared Redis. The suite refuses to run them rather than pass for the wrong reason.
  const { isolation, reason } = detectIsolation();
  if (isolation !== 'bubblewrap') throw new Error(`the security suite needs bubblewrap: ${reason}`);
  process.env['WORKBOOK_PROBE_SECRET'] = 'grader-secret'; // must not reach learner code
  grader = await createGrader({ root, warmDatabase: true });
});
afterAll(() => grader?.close());

/** Grades the attack, then the honest answer, which must pass on the same warm grader. */
async function attack(exercise: Exercise, code: string): Promise<CheckReport> {
  const report = await grader.grade(hostile(exercise, code));
  expect(report.isolation).toBe('bubblewrap');
  expect(report.status, `the attack must not pass: ${report.message ?? ''}`).not.toBe('passed');
  const after = await grader.grade(honest(exercise));
  expect(after.status, `the honest run after the attack: ${after.message ?? ''}`).toBe('passed');
  expect(after.attempts).toBeUndefined();
  return report;
}

const text = (report: CheckReport) => [report.message ?? '', ...report.checks.map((c) => c.message ?? '')].join('\n');

describe('file system', () => {
  it('cannot write to $HOME', async () => {
    const target = join(homedir(), `workbook-attack-${process.pid}`);
    rmSync(target, { force: true });
    const report = await attack(PURE, attacks.writeHome(target));
    expect(existsSync(target)).toBe(false);
    expect(report.attempts?.join('\n')).toMatch(/write outside the workspace/);
  });

  it('cannot read solutions/ nor /etc/passwd', async () => {
    // A stored reference answer (the attacked exercise's own is the service file, not in solutions/).
    const solutionFile = join(root, 'solutions', REDIS.id, REDIS.file);
    expect(existsSync(solutionFile), solutionFile).toBe(true);
    for (const path of [solutionFile, '/etc/passwd']) {
      const report = await attack(PURE, attacks.read(path));
      expect(text(report)).not.toMatch(/ATTACK: read/);
      expect(report.attempts).toContain(`read outside the workspace: ${path}`);
    }
  });

  it('cannot replace the database snapshot that later runners load', async () => {
    const dir = join(root, '.workbook', 'db-snapshots');
    const file = snapshotFile(dir, migrationsKey(join(root, 'service')));
    await grader.grade(honest(DB)); // the grader has made its snapshot by now
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    for (const target of [join(SNAPSHOTS_INSIDE, basename(file)), file]) {
      const report = await attack(PURE, attacks.writeHome(target));
      expect(report.attempts?.join('\n')).toMatch(/write outside the workspace/);
    }
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });
});

describe('environment', () => {
  it('sees none of the grader’s environment, and no Redis password', async () => {
    const report = await attack(REDIS, `throw new Error('ATTACK: env ' + JSON.stringify(process.env));`);
    expect(text(report)).toMatch(/ATTACK: env/);
    expect(text(report)).not.toMatch(/grader-secret|WORKBOOK_PROBE_SECRET/);
    expect(text(report)).toMatch(/"REDIS_URL":"redis:\/\/127\.0\.0\.1:6379"/);
  });
});

describe('network and processes', () => {
  it('reaches neither PostgreSQL nor an outside address, and Redis only through the run’s fence', async () => {
    const postgres = await attack(PURE, attacks.connect('127.0.0.1', 5432, 'x'));
    expect(text(postgres)).toMatch(/ATTACK: ECONNREFUSED 127\.0\.0\.1:5432/);
    const outside = await attack(PURE, attacks.connect('192.0.2.1', 80, 'GET / HTTP/1.0\r\n\r\n'));
    expect(text(outside)).toMatch(/ATTACK: ENETUNREACH/);
    expect(outside.attempts?.join('\n')).toMatch(/reach the network/);
    // A pure exercise has no Redis: the bridge lets nothing through outside a Redis run.
    const redis = await attack(PURE, attacks.connect('127.0.0.1', 6379, '*1\r\n$4\r\nPING\r\n'));
    expect(text(redis)).not.toMatch(/PONG/);
  });

  it('cannot signal the grader: killing its own runner ends its run only', async () => {
    const report = await attack(PURE, attacks.killParent);
    expect(report.status).toBe('error');
    const pid = await attack(PURE, attacks.killPid(process.pid));
    expect(text(pid)).toMatch(/ATTACK: ESRCH/);
  });

  it('cannot start processes: no fork loop, nothing left running', async () => {
    const fork = await attack(PURE, attacks.forkLoop);
    expect(fork.attempts?.join('\n')).toMatch(/start a process/);
    const child = await attack(PURE, attacks.leaveChild);
    expect(child.attempts?.join('\n')).toMatch(/start a process/);
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toMatch(/^sleep 987/m);
  });

  it('cannot allocate a 2 GiB Buffer', async () => {
    const report = await attack(PURE, attacks.bigBuffer);
    expect(text(report)).not.toMatch(/ATTACK: allocated/);
    expect(report.attempts?.join('\n')).toMatch(/allocate more memory/);
  });
});

describe('shared services', () => {
  it('Redis: no FLUSHALL, KEYS, CONFIG, RESET, re-login as default, nor another prefix’s key', async () => {
    const victim = `wb-victim-${process.pid}`;
    await redisCommand(REDIS_URL, ['SET', victim, 'secret', 'EX', '600'], 2000);
    try {
      const report = await attack(REDIS, attacks.redis(victim));
      const replies = text(report);
      expect(replies).toMatch(/NOPERM/);
      expect(replies).not.toMatch(/secret/);
      expect(await redisCommand(REDIS_URL, ['GET', victim], 2000)).toContain('secret');
      expect(report.attempts?.join('\n')).toMatch(/Redis outside the run's rights/);
    } finally {
      await redisCommand(REDIS_URL, ['DEL', victim], 2000);
    }
  });

  it('PostgreSQL (PGlite): a dropped or replaced table is rebuilt before the next run', async () => {
    await attack(DB, attacks.dropTable);
  });
});

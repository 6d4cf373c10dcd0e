// The capstone grader attacked the way a hostile intern would (issue 15: "Learner code is
// untrusted. It never decides a verdict, never reaches outside its workspace, and leaves nothing
// the next run could see"). Each test runs a real attack — a small plain-Node project under
// fixtures/attacks/ — through the real grader and fails if the attack works. PostgreSQL's guard
// and archives have their own suites (postgres-guard.spec.ts, archive.spec.ts).
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, get } from 'node:http';
import { connect, createServer } from 'node:net';
import { homedir, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REDIS_URL, redisCommand } from '../redis.ts';
import { SOCKET_DIR } from '../sandbox/bubblewrap.ts';
import { createBacking } from './backing.ts';
import { checkProject } from './check.ts';
import { type RunningService, ServiceStartError, startService } from './service-process.ts';

const repo = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'attacks', name);

describe('milestone 4: a verdict forged without forging the report', () => {
  // Both projects test one function of three (2 of 10 statements run). One comment or one config
  // option and Vitest's own report leaves the rest out: 2 of 2, or 0 of 0, reads as 100 %.
  it.each([
    ['m4-ignore-hints', /hides code from the coverage report: src\/prices\.ts line 6 \("\/\* v8 ignore start \*\/"\)/],
    ['m4-ignore-option', /hides code from the coverage report: vitest\.config\.ts line 5 /],
  ])('%s: code hidden from the coverage report fails the coverage checks', { timeout: 300_000 }, async (name, why) => {
    const report = await checkProject({ repo, dir: fixture(name), milestone: 'm4' });
    const [tests, statements, lines] = report.checks;
    // The run itself worked: the only thing between the project and a pass is what it hid.
    expect(tests?.status, JSON.stringify(report, null, 2)).toBe('passed');
    expect(statements?.message).toMatch(why);
    expect(lines?.message).toMatch(why);
    expect(report.status).toBe('failed');
  });
});

/** GET over a new connection (fetch would reuse one), answering the body or the error's code. */
function getFresh(url: string): Promise<string> {
  return new Promise((resolve) => {
    get(url, { agent: false, timeout: 5_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Host processes whose command line (NUL-separated arguments) contains `text`. */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('milestone 4: the scratch folder the host reads', () => {
  it('a link the run leaves there does not lead the host to its own files', { timeout: 300_000 }, async () => {
    const report = await checkProject({ repo, dir: fixture('m4-scratch-links'), milestone: 'm4' });
    const said = JSON.stringify(report);
    expect(said, 'the host read /etc/passwd for the run').not.toMatch(/root:x?:0/);
    const [tests, statements] = report.checks;
    expect(tests?.message).toMatch(/The test results file is a link, not a file/);
    expect(statements?.message).toMatch(/The coverage report is a link, not a file/);
    expect(report.status).toBe('failed');
  });
});

/** Sends one command over a new connection to the run's Redis bridge (as a service's client would) and answers the raw reply. */
function throughBridge(socket: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const client = connect(socket);
    let reply = '';
    let idle: NodeJS.Timeout | undefined;
    const done = () => {
      client.destroy();
      resolve(reply);
    };
    client.on('connect', () =>
      client.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`),
    );
    client.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      clearTimeout(idle);
      idle = setTimeout(done, 300);
    });
    client.on('error', done).on('close', done);
    setTimeout(done, 5_000);
  });
}

describe("a hostile service and the run's Redis", () => {
  it('lists no key of anyone else, and cannot plant or flush server-wide functions and scripts', {
    timeout: 60_000,
  }, async () => {
    const backing = await createBacking();
    const socket = backing.redisSocket as string;
    const prefix = backing.suiteEnv['PROJECT_REDIS_PREFIX'] as string;
    const user = `workbook-${prefix}`;
    const tag = `wb_attack_${randomInt(1e9)}`;
    const admin = (args: string[]) => redisCommand(DEFAULT_REDIS_URL, args, 5_000);
    await admin(['SET', `${tag}:secret`, 'another run']);
    try {
      // Its own keys it may list, with or without its prefix in the pattern.
      expect(await throughBridge(socket, ['SET', `${prefix}mine`, '1'])).toBe('+OK\r\n');
      for (const match of [[], ['MATCH', `${prefix}*`], ['MATCH', '*']]) {
        const listed = await throughBridge(socket, ['SCAN', '0', ...match, 'COUNT', '1000000']);
        expect(listed, `SCAN ${match.join(' ')}`).toContain(`${prefix}mine`);
        expect(listed, `SCAN ${match.join(' ')} listed another run's key`).not.toContain(tag);
      }
      // A second MATCH (Redis keeps the last) does not widen a confined first one.
      const twice = await throughBridge(socket, [
        'SCAN',
        '0',
        'MATCH',
        `${prefix}*`,
        'MATCH',
        `${tag}*`,
        'COUNT',
        '1000000',
      ]);
      expect(twice).not.toContain(tag);
      expect(await throughBridge(socket, ['RANDOMKEY'])).toMatch(/^-NOPERM/);
      // A function library outlives the run and every user sees it; FLUSH and KILL reach everyone's.
      const library = `#!lua name=${tag}\nredis.register_function('${tag}', function() return 1 end)`;
      expect(await throughBridge(socket, ['FUNCTION', 'LOAD', library])).toMatch(/^-NOPERM/);
      for (const command of [
        ['FUNCTION', 'FLUSH'],
        ['FUNCTION', 'KILL'],
        ['SCRIPT', 'FLUSH'],
        ['SCRIPT', 'KILL'],
      ])
        expect(await admin(['ACL', 'DRYRUN', user, ...command]), command.join(' ')).not.toMatch(/^\+OK/);
    } finally {
      await admin(['DEL', `${tag}:secret`]);
      await admin(['FUNCTION', 'DELETE', tag]).catch(() => undefined);
      await backing.close();
    }
  });
});

describe("a hostile service and the run's PostgreSQL role", () => {
  // postgres-guard.spec.ts proves the guard admits only this role on its own databases; here the
  // role itself (M4's, which may also create databases) reaches for the server's files, programs
  // and other databases. Each is refused by PostgreSQL's privileges, which is what keeps it so.
  it('runs no program, reads or writes no server file, loads no extension that reaches out', {
    timeout: 60_000,
  }, async () => {
    const backing = await createBacking(undefined, { createDatabases: true });
    const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: backing.database, database: backing.database });
    try {
      await client.connect();
      for (const sql of [
        "COPY (SELECT 1) TO PROGRAM 'id'",
        "COPY (SELECT 1) TO '/tmp/wb-attack-out'",
        "CREATE TABLE t (line text); COPY t FROM '/etc/passwd'",
        "SELECT lo_import('/etc/passwd')",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT pg_ls_dir('.')",
        'CREATE EXTENSION dblink',
        'CREATE EXTENSION postgres_fdw',
        'CREATE EXTENSION file_fdw',
        'CREATE EVENT TRIGGER wb_attack ON ddl_command_start EXECUTE FUNCTION pg_backend_pid()',
        `ALTER ROLE "${backing.database}" SUPERUSER`,
        'SET ROLE pg_execute_server_program',
        "ALTER SYSTEM SET log_statement = 'none'",
      ])
        await expect(client.query(sql), sql).rejects.toThrow(
          /permission denied|must be superuser|must be owner|not available/,
        );
    } finally {
      await client.end().catch(() => undefined);
      await backing.close();
    }
  });
});

describe("a hostile service and the shared servers' connections", () => {
  // PostgreSQL serves 100 connections to everyone on the machine and Redis 10,000: a run that took
  // them all would stop every other run, exercise grade and program using them.
  it('takes at most 25 PostgreSQL connections and 256 Redis connections', { timeout: 120_000 }, async () => {
    const backing = await createBacking();
    const clients: pg.Client[] = [];
    const sockets: ReturnType<typeof connect>[] = [];
    try {
      const role = backing.database;
      const open = async () => {
        const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: role, database: role });
        clients.push(client);
        await client.connect();
      };
      for (let i = 0; i < 25; i++) await open();
      await expect(open()).rejects.toThrow(/too many connections for role/);

      const ping = () =>
        new Promise<string>((resolve) => {
          const socket = connect(backing.redisSocket as string);
          sockets.push(socket);
          let reply = '';
          socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
          socket.on('data', (chunk: Buffer) => {
            reply += chunk.toString('latin1');
            if (reply.includes('\r\n')) resolve(reply);
          });
          socket.on('close', () => resolve(reply || 'closed'));
          socket.on('error', () => resolve('closed'));
        });
      const replies = await Promise.all(Array.from({ length: 256 }, ping));
      expect(replies.filter((r) => r === '+PONG\r\n')).toHaveLength(256);
      expect(await ping()).toBe('closed');
    } finally {
      for (const socket of sockets) socket.destroy();
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await backing.close();
    }
  });
});

describe('a hostile service and the report', () => {
  it('answers of megabytes are neither read whole nor quoted whole', { timeout: 300_000 }, async () => {
    const report = await checkProject({ repo, dir: fixture('huge-answers'), milestone: 'm1' });
    expect(report.status).toBe('failed');
    const failed = report.checks.filter((c) => c.status === 'failed');
    expect(failed.length, JSON.stringify(report).slice(0, 2_000)).toBeGreaterThan(0);
    for (const check of failed) expect(check.message?.length, check.name).toBeLessThanOrEqual(4_100);
    // The suite stops reading an answer after 1 MB (a service streaming without end would fill its memory).
    expect(failed.find((c) => c.name.startsWith('POST /auth/register'))?.message).toMatch(
      /a body of more than 1 MB, not read to its end/,
    );
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });
});

describe('a hostile service in the sandbox', () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('reaches no host file, port, process or variable, writes nothing outside, and nothing of it outlives the run', {
    timeout: 180_000,
  }, async () => {
    const host = mkdtempSync(join(tmpdir(), 'workbook-attack-'));
    cleanup.push(() => rmSync(host, { recursive: true, force: true }));
    const secret = join(host, 'secret.txt');
    writeFileSync(secret, 'a host file the service must not read');
    // A host port on every address, and a host Unix socket: each counts who reached it.
    let reached = 0;
    const server = createHttpServer((_request, response) => {
      reached++;
      response.end('host');
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    cleanup.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    const hostSocket = join(host, 'host.sock');
    const unix = createServer((socket) => {
      reached++;
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 4\r\nconnection: close\r\n\r\nhost');
    });
    await new Promise<void>((resolve) => unix.listen(hostSocket, resolve));
    cleanup.push(() => new Promise((resolve) => unix.close(resolve)));
    const address = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    const marker = `${randomInt(100, 999)}.${randomInt(100_000, 999_999)}`;
    const dir = fixture('sandbox-probe');
    const manifest = readFileSync(join(repo, 'package.json'), 'utf8');

    const service: RunningService = await startService({
      repo,
      dir,
      env: {
        PROBE_HOST_PID: String(process.pid),
        PROBE_HOST_FILE: secret,
        PROBE_HOST_HOME: homedir(),
        PROBE_HOST_PORT: String((server.address() as { port: number }).port),
        PROBE_HOST_ADDRESS: address ?? '127.0.0.2',
        PROBE_HOST_SOCKET: hostSocket,
        PROBE_SOCKET_INSIDE: `${SOCKET_DIR}/service.sock`,
        PROBE_MARKER: marker,
      },
    });
    let stopped = false;
    cleanup.push(() => (stopped ? undefined : service.stop()));
    expect(service.isolation, 'this test needs bubblewrap (apt-get install -y bubblewrap)').toBe('bubblewrap');
    const results = (await (await fetch(service.url)).json()) as Record<
      string,
      { ok: boolean; error?: string; keys?: string[]; entries?: string[] }
    >;
    const report = JSON.stringify(results, null, 2);
    // The environment is the grader's list and what npm adds, nothing of the host's (its secrets).
    const npmAdds = ['COLOR', 'EDITOR', 'INIT_CWD', 'NODE', 'PWD'];
    const keys = results['environment']?.keys?.filter(
      (key) => !key.startsWith('PROBE_') && !key.startsWith('npm_') && !npmAdds.includes(key),
    );
    expect(keys, report).toEqual(['HOME', 'HOST', 'LANG', 'NO_COLOR', 'PATH', 'PORT', 'TMPDIR']);
    for (const attempt of [
      'readHiddenSuite',
      'readHostFile',
      'listHome',
      'readPasswd',
      'writeOwnProject',
      'writeNodeModulesAbove',
      'writeWorkbookManifest',
      'hostPort',
      'hostPortOnOtherAddress',
      'signalHostProcess',
    ])
      expect(results[attempt]?.ok, `${attempt} worked:\n${report}`).toBe(false);
    expect(readFileSync(join(repo, 'package.json'), 'utf8')).toBe(manifest);
    // Above its folder it sees only the path to it and what module resolution needs.
    expect(results['listWorkbook']?.entries?.sort(), report).toEqual(['grader', 'node_modules', 'package.json']);
    // Only its own processes: the relay, npm, the shell, the probe and its sleeper.
    expect(results['processes']?.entries?.length ?? 99, report).toBeLessThan(10);

    // It points the socket the host connects through at a host socket: the host must not follow.
    expect(await getFresh(`${service.url}/swap`)).toBe('swapped');
    const after = await getFresh(service.url);
    expect(reached, `the host followed the service to a host socket (it answered "${after}")`).toBe(0);
    // …and still reaches the relay it opened first, though the name is now a link.
    expect(after).toContain('"environment"');

    expect(processesWith(`sleep\0${marker}`).length, 'the sleeper started').toBeGreaterThan(0);
    await service.stop();
    stopped = true;
    expect(processesWith(`sleep\0${marker}`), 'a process of the service outlived the run').toEqual([]);
  });
});

describe('milestones 1–3: a service that takes all the memory or all the disk', () => {
  it('one that holds memory without end is killed by its memory limit, and the report names it', {
    timeout: 120_000,
  }, async () => {
    // A small limit, so the test never presses on the shared machine: npm, the relay and the hog share it.
    const start = startService({ repo, dir: fixture('memory-hog'), memoryMegabytes: 192, startLimitMs: 60_000 });
    const error = await start.then(
      (service) => service.stop().then(() => new Error('the hog answered HTTP')),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceStartError);
    expect((error as ServiceStartError).isolation, 'this test needs bubblewrap and a writable memory cgroup').toBe(
      'bubblewrap',
    );
    expect((error as Error).message).toMatch(/Your service ran out of its 192 MB memory limit/);
  });

  it('one that writes to /tmp without end gets ENOSPC at its size, and cannot write to the root', {
    timeout: 120_000,
  }, async () => {
    // The root bwrap builds is a tmpfs of no set size: read-only, or it would be the way round /tmp's.
    const env = { FILL_FOLDERS: '/tmp:/run' };
    const limits = { tmpMegabytes: 16, memoryMegabytes: 256 };
    const service = await startService({ repo, dir: fixture('disk-fill'), env, ...limits });
    try {
      expect(service.isolation, 'this test needs bubblewrap').toBe('bubblewrap');
      const filled = (await (await fetch(service.url)).json()) as Record<string, { megabytes: number; code: string }>;
      expect(filled['/tmp']).toEqual({ megabytes: 16, code: 'ENOSPC' });
      expect(filled['/run']).toEqual({ megabytes: 0, code: 'EROFS' });
    } finally {
      await service.stop();
    }
  });
});

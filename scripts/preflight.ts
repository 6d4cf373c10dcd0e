// `npm test` starts here: one line per thing the suites need (Chromium, Redis, PostgreSQL,
// bubblewrap), the exact command to install or start what is missing (Debian and macOS), and
// services that are installed but stopped are started the way .ci/run starts them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { START_REDIS } from '../grader/redis.ts';

export interface Requirement {
  name: string;
  /** Which suites need it, e.g. "e2e tests". */
  neededBy: string;
  /** The `npm test` stages that need it (it is not probed when none of them runs). */
  stages: string[];
  /** False for what the suites can do without (they say so). */
  required: boolean;
  /** Resolves with a short description when present, or undefined when missing. */
  probe(): Promise<string | undefined>;
  /** For a service installed but stopped: starts it, resolving with the command it ran, or undefined. */
  start?(): string | undefined;
  /** The exact commands to get it, per system. */
  fix: { debian: string; macos: string };
}

export interface PreflightResult {
  name: string;
  ok: boolean;
  line: string;
  required: boolean;
}

/** Resolves true when something accepts a TCP connection at host:port within `timeoutMs`. */
export function listening(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The path of `command` on PATH, or undefined. */
export function which(command: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

const asRoot = (args: string[]) =>
  process.getuid?.() === 0 ? spawnSync(args[0]!, args.slice(1)) : spawnSync('sudo', ['-n', ...args]);

/** Polls `probe` for up to `seconds` after a service was started (it takes a moment to listen). */
async function settle(probe: () => Promise<string | undefined>, seconds: number): Promise<string | undefined> {
  for (let i = 0; i < seconds * 4; i++) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

export function requirements(ports = { redis: 6379, postgres: 5432 }): Requirement[] {
  return [
    {
      name: 'Chromium',
      neededBy: 'e2e tests',
      stages: ['e2e'],
      required: true,
      probe: async () => (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
      fix: {
        debian: 'sudo apt-get install -y chromium',
        macos:
          'brew install --cask chromium && sudo ln -s "/Applications/Chromium.app/Contents/MacOS/Chromium" /usr/local/bin/chromium (the tests look for /usr/bin/chromium)',
      },
    },
    {
      name: 'Redis',
      neededBy: 'service tests, Redis exercises',
      stages: ['unit', 'service', 'e2e'],
      required: true,
      probe: async () => ((await listening(ports.redis)) ? `127.0.0.1:${ports.redis}` : undefined),
      start: () => {
        if (!which('redis-server') || ports.redis !== 6379) return undefined;
        spawnSync('sh', ['-c', START_REDIS]);
        return START_REDIS;
      },
      fix: {
        debian: `sudo apt-get install -y redis-server && ${START_REDIS}`,
        macos: 'brew install redis && brew services start redis',
      },
    },
    {
      name: 'PostgreSQL',
      neededBy: 'service tests, database exercises',
      stages: ['unit', 'service'],
      required: true,
      probe: async () => ((await listening(ports.postgres)) ? `127.0.0.1:${ports.postgres}` : undefined),
      start: () => {
        if (!which('pg_ctlcluster') || !existsSync('/etc/postgresql') || ports.postgres !== 5432) return undefined;
        const version = readdirSync('/etc/postgresql')[0];
        if (!version) return undefined;
        const args = ['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start'];
        asRoot(args);
        return args.join(' ');
      },
      fix: {
        debian:
          'sudo apt-get install -y postgresql && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
        macos: 'brew install postgresql && brew services start postgresql',
      },
    },
    {
      name: 'bubblewrap',
      neededBy: 'the grader sandbox (without it: Node permissions only, mentor re-grades refused)',
      stages: ['unit', 'e2e'],
      required: false,
      probe: async () => (process.platform === 'linux' ? which('bwrap') : undefined),
      fix: {
        debian: 'sudo apt-get install -y bubblewrap',
        macos: 'not available on macOS (Linux only); the checks run without it',
      },
    },
  ];
}

/** Probes every requirement, starting stopped services once; returns one line each. */
export async function preflight(list: readonly Requirement[] = requirements()): Promise<PreflightResult[]> {
  const results: PreflightResult[] = [];
  for (const req of list) {
    let found = await req.probe();
    let started = '';
    if (!found && req.start) {
      const command = req.start();
      if (command) {
        found = await settle(req.probe, 10);
        if (found) started = ` (was stopped; started with: ${command})`;
      }
    }
    const line = found
      ? `✔ ${req.name.padEnd(11)} ${found}${started}`
      : `${req.required ? '✖' : '!'} ${req.name.padEnd(11)} missing, needed by ${req.neededBy}\n` +
        `    Debian: ${req.fix.debian}\n    macOS:  ${req.fix.macos}`;
    results.push({ name: req.name, ok: Boolean(found), line, required: req.required });
  }
  return results;
}

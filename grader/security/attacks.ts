// Attack submissions for the security suite: each is a real exercise's reference answer with
// hostile code appended, so it runs at import inside the worker exactly as learner code does.
// The attack's own observations are thrown as `ATTACK: …`, so they reach the report's message.
import { join } from 'node:path';
import { loadExercise } from '../../src/catalog/load.ts';

export const root = join(import.meta.dirname, '..', '..');

export const PURE = { id: 'task-entity-complete', file: 'src/domain/task/task.entity.ts' };
export const REDIS = { id: 'redis-session-store', file: 'src/infrastructure/sessions/redis-session.store.ts' };
export const DB = { id: 'prisma-task-repository', file: 'src/infrastructure/persistence/prisma-task.repository.ts' };

export type Exercise = typeof PURE;

/** The reference answer of the exercise's attacked file. */
export const solution = (exercise: Exercise) => honest(exercise).files[exercise.file] ?? '';

/** The honest submission: every editable file of the reference answer (solutions/, else the service). */
export function honest(exercise: Exercise): { exerciseId: string; files: Record<string, string> } {
  return { exerciseId: exercise.id, files: loadExercise(root, exercise.id).solution };
}

/** The reference answer with `attack` appended to one file (top-level code, may await). */
export function hostile(exercise: Exercise, attack: string): { exerciseId: string; files: Record<string, string> } {
  const request = honest(exercise);
  request.files[exercise.file] = `${solution(exercise)}\n// --- attack ---\n${attack}\n`;
  return request;
}

const js = (value: unknown) => JSON.stringify(value);

export const attacks = {
  writeHome: (path: string) => `process.getBuiltinModule('node:fs').writeFileSync(${js(path)}, 'escaped');`,
  read: (path: string) =>
    `throw new Error('ATTACK: read ' + process.getBuiltinModule('node:fs').readFileSync(${js(path)}, 'utf8').slice(0, 80));`,
  /** Connects to host:port, sends `payload`, throws what came back (or the error code). */
  connect: (host: string, port: number, payload = '') => `
const net = process.getBuiltinModule('node:net');
const answer: string = await new Promise((resolve) => {
  const socket = net.connect(${port}, ${js(host)});
  let got = '';
  socket.setTimeout(3000, () => { socket.destroy(); resolve('timeout ' + got); });
  socket.on('connect', () => socket.write(${js(payload)}));
  socket.on('data', (d: Buffer) => { got += d.toString(); if (got.split('\\r\\n').length > ${payload.split('\r\n').length}) { socket.destroy(); resolve('connected ' + got); } });
  socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code + ' ' + ${js(`${host}:${port}`)}));
  socket.on('close', () => resolve('closed ' + got));
});
throw new Error('ATTACK: ' + answer);`,
  killParent: `process.kill(process.ppid, 'SIGKILL'); process.kill(-1, 'SIGKILL');`,
  killPid: (pid: number) =>
    `try { process.kill(${pid}, 'SIGTERM'); throw new Error('ATTACK: signalled ${pid}'); } catch (e) { throw new Error('ATTACK: ' + (e as NodeJS.ErrnoException).code); }`,
  forkLoop: `const cp = process.getBuiltinModule('node:child_process'); for (let i = 0; i < 10000; i++) cp.fork(process.argv[1] ?? '', [], { detached: true });`,
  leaveChild: `process.getBuiltinModule('node:child_process').spawn('sleep', ['987'], { detached: true, stdio: 'ignore' }).unref();`,
  bigBuffer: `const big = Buffer.alloc(2 * 1024 ** 3, 1); throw new Error('ATTACK: allocated ' + big.length);`,
  /** Raw RESP to the run's Redis: tries to log in as default, flush, list and read another run's key. */
  redis: (victim: string) => {
    const resp = (...args: string[]) =>
      `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    const payload =
      resp('AUTH', 'default', 'x') +
      resp('FLUSHALL') +
      resp('KEYS', '*') +
      resp('GET', victim) +
      resp('CONFIG', 'GET', 'dir') +
      resp('RESET') +
      resp('GET', victim);
    const url = 'new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379")';
    return attacks
      .connect('127.0.0.1', 6379, payload)
      .replace(`net.connect(6379, "127.0.0.1")`, `net.connect(Number(${url}.port || 6379), ${url}.hostname)`);
  },
  dropTable: `
const { default: pg } = await import('pg');
const client = new pg.Client({ connectionString: process.env.WORKBOOK_DATABASE_URL });
await client.connect();
await client.query('DROP TABLE tasks CASCADE');
await client.query('CREATE TABLE tasks (id int)');
await client.end();`,
};

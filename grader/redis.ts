// Just enough RESP over a raw socket to ask "is Redis there?" and to clean a run's keys, so the
// grader itself needs no Redis client.
import { connect } from 'node:net';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

/** Sends one command (after AUTH when the URL has credentials) and resolves with the raw reply. */
export function redisCommand(url: string, args: string[], timeoutMs: number): Promise<string> {
  const { hostname, port, password, username } = new URL(url);
  const lines: string[] = [];
  if (password)
    lines.push(
      resp(
        username
          ? ['AUTH', decodeURIComponent(username), decodeURIComponent(password)]
          : ['AUTH', decodeURIComponent(password)],
      ),
    );
  lines.push(resp(args));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(lines.join('')));
    socket.on('data', (text: string) => {
      reply += text;
      const complete = reply.split('\r\n').length - 1 >= lines.length;
      if (!complete) return;
      clearTimeout(timer);
      socket.end();
      resolve(reply);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const resp = (args: string[]) =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Undefined when Redis answers PING; otherwise a learner-facing explanation with the fix. */
export async function redisProblem(url: string): Promise<string | undefined> {
  try {
    // A Redis that is down refuses at once; the limit is only for one that hangs. It is generous: a
    // grader busy type-checking on a loaded machine runs this timer late, and 1.5 s once reported a
    // running Redis as missing.
    const reply = await redisCommand(url, ['PING'], 5000);
    if (reply.includes('+PONG')) return undefined;
    return `Redis at ${url} answered "${reply.trim().split('\r\n').pop()}" instead of PONG. Check REDIS_URL (and its password), then run the checks again.`;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return `These checks need Redis, but nothing answered at ${url} (${reason}). Start one with \`${START_REDIS}\`, or set REDIS_URL to a Redis that runs, then run the checks again.`;
  }
}

/** Deletes every key of a run's namespace (`prefix…`, `…:prefix…`); best effort. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const script =
    "local n = 0 for _, p in ipairs(ARGV) do for _, k in ipairs(redis.call('KEYS', p)) do redis.call('DEL', k) n = n + 1 end end return n";
  // Also under a library's own namespace (`workbook:<prefix>…`), which the run's ACL user may write.
  await redisCommand(url, ['EVAL', script, '0', `${prefix}*`, `*:${prefix}*`], 2000).catch(() => undefined);
}

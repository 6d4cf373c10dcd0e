// The sandbox has no network, yet Redis exercises need Redis. The host listens on a Unix socket
// mounted into the sandbox and pipes it to the real Redis; inside, the runner listens on its own
// private loopback (127.0.0.1:6379 of the sandbox's network namespace) and pipes to that socket.
// Learner code therefore reaches exactly one service, and as a per-run ACL user (redis-acl.ts)
// that can touch only its own key prefix, whatever it sends (resp-guard.ts).
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { RespGuard, respCommand } from './resp-guard.ts';

/** Connections one bridge holds open at once; more are closed as they arrive. */
const MAX_BRIDGE_CONNECTIONS = 256;

/** The ACL user the current run talks to Redis as. */
export interface RedisLogin {
  user: string;
  password: string;
  /** The run's key prefix: SCAN and PUBSUB listings are confined to it (resp-guard.ts). */
  prefix: string;
}

export interface Bridge {
  close(): Promise<void>;
}

function pipeBoth(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  const end = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', end).on('close', end);
  b.on('error', end).on('close', end);
}

function listening(server: Server, listen: () => void): Promise<Bridge> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
    listen();
  });
}

/**
 * Host side: a Unix socket at `path` whose connections reach Redis at host:port logged in as the
 * current run's user (`login()`; no run, no Redis), with every command passed through RespGuard.
 */
export function bridgeUnixToTcp(
  path: string,
  target: { host: string; port: number },
  login: () => RedisLogin | undefined,
): Promise<Bridge> {
  rmSync(path, { force: true });
  const server = createServer((client) => {
    const current = login();
    if (!current) return void client.destroy();
    const redis = connect(target);
    const end = () => {
      client.destroy();
      redis.destroy();
    };
    client.on('error', end).on('close', end);
    redis.on('error', end).on('close', end);
    redis.write(respCommand(['AUTH', current.user, current.password]));
    // The first reply is the bridge's own AUTH: swallowed, and anything but +OK ends the connection.
    let greeting = Buffer.alloc(0);
    let loggedIn = false;
    redis.on('data', (chunk: Buffer) => {
      if (loggedIn) return void client.write(chunk);
      greeting = Buffer.concat([greeting, chunk]);
      const eol = greeting.indexOf('\r\n');
      if (eol < 0) return;
      if (greeting.toString('latin1', 0, eol) !== '+OK') return end();
      loggedIn = true;
      if (greeting.length > eol + 2) client.write(greeting.subarray(eol + 2));
    });
    const guard = new RespGuard(current.prefix);
    let closing = false;
    client.on('data', (chunk: Buffer) => {
      if (closing) return;
      const { forward, close } = guard.push(chunk);
      if (forward.length > 0) redis.write(forward);
      // Commands before the refused one still get their answers; then the connection ends.
      if (close) {
        closing = true;
        setTimeout(end, 200);
      }
    });
  });
  // Each connection here is one to the shared Redis (10,000 for everyone by default): a run's
  // clients need a handful (BullMQ, socket.io's adapter, a cache), not thousands.
  server.maxConnections = MAX_BRIDGE_CONNECTIONS;
  return listening(server, () => server.listen(path));
}

/** Sandbox side: 127.0.0.1:`port` of the sandbox's own loopback, piped to the host's Unix socket (the host guards it). */
export function bridgeTcpToUnix(port: number, path: string): Promise<Bridge> {
  const server = createServer((socket) => pipeBoth(socket, connect(path)));
  return listening(server, () => server.listen(port, '127.0.0.1'));
}

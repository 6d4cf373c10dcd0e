// The sandbox has no network, yet Redis exercises need Redis. The host listens on a Unix socket
// mounted into the sandbox and pipes it to the real Redis; inside, the runner listens on its own
// private loopback (127.0.0.1:6379 of the sandbox's network namespace) and pipes to that socket.
// Learner code therefore reaches exactly one service, and as a per-run ACL user (redis-acl.ts)
// that can touch only its own key prefix.
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';

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
    server.once('listening', () => resolve({
      close: () => new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
    }));
    listen();
  });
}

/** Host side: a Unix socket at `path` whose connections are piped to Redis at host:port. */
export function bridgeUnixToTcp(path: string, target: { host: string; port: number }): Promise<Bridge> {
  rmSync(path, { force: true });
  const server = createServer((socket) => pipeBoth(socket, connect(target)));
  return listening(server, () => server.listen(path));
}

/** Sandbox side: 127.0.0.1:`port` of the sandbox's own loopback, piped to the host's Unix socket. */
export function bridgeTcpToUnix(port: number, path: string): Promise<Bridge> {
  const server = createServer((socket) => pipeBoth(socket, connect(path)));
  return listening(server, () => server.listen(port, '127.0.0.1'));
}

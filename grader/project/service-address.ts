// Where the host reaches a started service: a free loopback port (a plain process listens there
// itself) or, under bubblewrap (no network inside), a loopback port piped to the sandbox's socket.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';

/** A loopback port nothing listens on now (the service is told to listen there). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** open(2)'s O_PATH on Linux (Node does not name it): a descriptor that names a file without opening it. */
const O_PATH = 0o10000000;

/**
 * A TCP port on the host's loopback whose connections go to the sandbox's Unix socket. Its folder
 * is writable from inside, so the service could swap the name for a link to any host socket: the
 * host opens the relay's socket once (a socket, not a link) and connects through that descriptor
 * ever after, whatever the name points at later.
 */
export function tcpToUnix(path: string): Promise<{ server: Server; port: number }> {
  let fd: number | undefined;
  const target = () => {
    if (fd === undefined) {
      const opened = openSync(path, O_PATH | constants.O_NOFOLLOW);
      if (!fstatSync(opened).isSocket()) {
        closeSync(opened);
        throw new Error(`${path} is not a socket`);
      }
      fd = opened;
    }
    return `/proc/self/fd/${fd}`;
  };
  return new Promise((resolve, reject) => {
    const server = createServer((client) => {
      let inside: ReturnType<typeof connect>;
      try {
        inside = connect(target());
      } catch {
        return void client.destroy();
      }
      const end = () => {
        client.destroy();
        inside.destroy();
      };
      client.on('error', end).on('close', end);
      inside.on('error', end).on('close', end);
      client.pipe(inside);
      inside.pipe(client);
    });
    server.once('error', reject);
    server.once('close', () => fd !== undefined && closeSync(fd));
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

// A minimal PostgreSQL wire-protocol front for one PGlite: frames each client's messages and hands
// them to `execProtocolRaw`. PGlite has a single session, so clients share it turn by turn: a
// client keeps the session from its first message until PGlite reports "idle" again (ReadyForQuery
// 'I'), which keeps transactions and extended-protocol sequences of one client together.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

export interface WireServer {
  port: number;
  /** Disconnects every client (connections leaked by a previous run) and resolves once none is left. */
  dropClients(): Promise<void>;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Hands the single session to one client at a time. */
class SessionLock {
  private owner: Socket | undefined;
  private waiting: { socket: Socket; wake: () => void }[] = [];
  async acquire(socket: Socket): Promise<void> {
    if (this.owner === socket) return;
    if (!this.owner) {
      this.owner = socket;
      return;
    }
    await new Promise<void>((wake) => this.waiting.push({ socket, wake }));
  }
  release(socket: Socket): void {
    if (this.owner !== socket) return;
    const next = this.waiting.shift();
    this.owner = next?.socket;
    next?.wake();
  }
  owns(socket: Socket): boolean {
    return this.owner === socket;
  }
  forget(socket: Socket): void {
    this.waiting = this.waiting.filter((w) => w.socket !== socket);
  }
}

export async function serveOverTcp(db: PGlite): Promise<WireServer> {
  const lock = new SessionLock();
  const sockets = new Set<Socket>();
  let idleWaiters: (() => void)[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      sockets.delete(socket);
      lock.forget(socket);
      const finish = lock.owns(socket)
        ? db.exec('ROLLBACK').catch(() => undefined) // a client that vanished mid-transaction
        : Promise.resolve();
      void finish.then(() => {
        lock.release(socket);
        if (sockets.size === 0) {
          for (const wake of idleWaiters) wake();
          idleWaiters = [];
        }
      });
    });
    serve(db, socket, lock);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    dropClients: () => {
      if (sockets.size === 0) return Promise.resolve();
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      for (const socket of sockets) socket.destroy();
      return idle;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves one connection: buffers bytes until whole messages arrive, then forwards them in order. */
function serve(db: PGlite, socket: Socket, lock: SessionLock): void {
  let buffer = Buffer.alloc(0);
  let started = false;
  let chain = Promise.resolve();
  const run = (step: () => Promise<void> | void) => {
    chain = chain.then(step).catch(() => void socket.destroy());
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const messages: Buffer[] = [];
    for (;;) {
      if (!started) {
        if (buffer.length < 8) break;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) break;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          run(() => void socket.write('N'));
          continue;
        }
        if (code === CANCEL_REQUEST) {
          run(() => void socket.end());
          return;
        }
        started = true;
        messages.push(message);
        continue;
      }
      if (buffer.length < 5) break;
      const length = buffer.readInt32BE(1) + 1;
      if (buffer.length < length) break;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (message[0] === 0x58 /* X: Terminate */) {
        run(() => void socket.end());
        break;
      }
      messages.push(message);
    }
    if (messages.length === 0) return;
    const batch = new Uint8Array(Buffer.concat(messages));
    run(async () => {
      await lock.acquire(socket);
      const reply = await db.execProtocolRaw(batch);
      if (!socket.destroyed && reply.byteLength > 0) socket.write(reply);
      if (lastReadyStatus(reply) === 'I') lock.release(socket);
    });
  });
}

/** The transaction status of the last ReadyForQuery in a reply ('I' idle, 'T' in a transaction, 'E' failed), if any. */
function lastReadyStatus(reply: Uint8Array): string | undefined {
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: string | undefined;
  for (let at = 0; at + 5 <= reply.byteLength; ) {
    const type = reply[at];
    const length = view.getInt32(at + 1);
    if (type === 0x5a /* Z */ && at + 5 < reply.byteLength) status = String.fromCharCode(reply[at + 5] ?? 0);
    at += 1 + length;
  }
  return status;
}

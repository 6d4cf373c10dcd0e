// The suite's one address for a whole check run: a loopback TCP port that forwards to whatever
// service is current, and a control port the suite asks whether the service is up yet
// (`GET /ready`: the suite starts while the service is still starting, and waits there) and may
// ask to restart the service (to prove data survives a restart). Both listen on 127.0.0.1 only;
// the service itself never sees them.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

export interface Front {
  url: string;
  controlUrl: string;
  /** The service answers at `url` now: `GET /ready` answers 204. */
  ready(url: string): void;
  /** The service did not start: `GET /ready` answers 500 with `message`. */
  failed(message: string): void;
  close(): Promise<void>;
}

const listen = (server: Server | ReturnType<typeof createHttpServer>): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

export async function openFront(restart: () => Promise<string>): Promise<Front> {
  let target: URL | undefined;
  let settle: (outcome: { ok: true } | { ok: false; message: string }) => void = () => undefined;
  const started = new Promise<{ ok: true } | { ok: false; message: string }>((resolve) => {
    settle = resolve;
  });
  const open = new Set<Socket>();
  const proxy = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    if (!target) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  let restarting: Promise<void> | undefined;
  const control = createHttpServer((request, response) => {
    if (request.method === 'GET' && request.url === '/ready')
      return void started.then((outcome) =>
        outcome.ok ? response.writeHead(204).end() : response.writeHead(500).end(outcome.message),
      );
    if (request.method !== 'POST' || request.url !== '/restart') return void response.writeHead(404).end();
    restarting ??= restart().then((url) => {
      target = new URL(url);
    });
    restarting
      .then(() => response.writeHead(204).end())
      .catch((error: unknown) => response.writeHead(500).end(String((error as Error).message)))
      .finally(() => {
        restarting = undefined;
      });
  });
  const port = await listen(proxy);
  const controlPort = await listen(control);
  return {
    url: `http://127.0.0.1:${port}`,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    ready: (url) => {
      target = new URL(url);
      settle({ ok: true });
    },
    failed: (message) => settle({ ok: false, message }),
    close: async () => {
      settle({ ok: false, message: 'The check run ended.' });
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
}

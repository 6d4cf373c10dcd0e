import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { authenticateSockets } from '../src/infrastructure/realtime/socket-auth.js';
import { JwtTokenService } from '../src/infrastructure/security/jwt.token-service.js';

const SECRET = 'socket-auth-check-secret-long-enough';
const tokens = new JwtTokenService(SECRET);
const shortLived = new JwtTokenService(SECRET, 2); // tokens valid for 2 s
const alice = { id: 'u-alice', role: 'MEMBER' as const };

let http: HttpServer;
let ioServer: Server;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  http = createServer();
  ioServer = new Server(http);
  ioServer.use(authenticateSockets(tokens));
  ioServer.on('connection', (socket) => socket.on('whoami', (ack: (a: unknown) => void) => ack(socket.data.actor)));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await ioServer.close();
});

function connect(options: { token?: string; header?: string }): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket = connectClient(url, {
      transports: ['websocket'],
      reconnection: false,
      timeout: 5000,
      auth: options.token ? { token: options.token } : {},
      ...(options.header && { extraHeaders: { Authorization: options.header } }),
    });
    clients.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}
const refusal = (options: { token?: string; header?: string }) => connect(options).then(() => 'connected', (e: Error) => `refused: ${e.message}`);

it('a connection without a token is refused with a message saying what to send', async () => {
  const outcome = await refusal({});
  expect(outcome).toMatch(/^refused: /);
  expect(outcome.toLowerCase()).toContain('token');
});

it('an invalid or expired token is refused', async () => {
  expect(await refusal({ token: 'not-a-jwt' })).toMatch(/^refused/);
  expect(await refusal({ token: new JwtTokenService('another-secret-entirely-long').sign(alice) })).toMatch(/^refused/);
});

it('a valid token in auth.token connects, and the server knows who it is', async () => {
  const socket = await connect({ token: tokens.sign(alice) });
  expect(await socket.timeout(3000).emitWithAck('whoami')).toEqual(alice);
});

it('a valid token in an Authorization: Bearer header connects too', async () => {
  const socket = await connect({ header: `Bearer ${tokens.sign(alice)}` });
  expect(await socket.timeout(3000).emitWithAck('whoami')).toEqual(alice);
});

it('when the token expires, the client is told (session:expired) and disconnected — not before', async () => {
  const socket = await connect({ token: shortLived.sign(alice) });
  const events: string[] = [];
  socket.on('session:expired', () => events.push('session:expired'));
  const disconnected = new Promise<number>((r) => socket.on('disconnect', () => { events.push('disconnect'); r(Date.now()); }));
  await new Promise((r) => setTimeout(r, 700));
  expect(socket.connected, 'still connected well before expiry').toBe(true);
  const at = await Promise.race([disconnected, new Promise<number>((r) => setTimeout(() => r(-1), 4500))]);
  expect(at, 'the socket must be disconnected once its token expires').toBeGreaterThan(0);
  expect(events).toEqual(['session:expired', 'disconnect']);
});

import { createServer, type Server as HttpServer } from 'node:http';
import jwt from 'jsonwebtoken';
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
const bob = { id: 'u-bob', role: 'MENTOR' as const };

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

function connect(options: { token?: string; header?: string }, to = url): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket = connectClient(to, {
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

it('when both are sent, auth.token is used, not the Authorization header', async () => {
  const socket = await connect({ token: tokens.sign(alice), header: `Bearer ${tokens.sign(bob)}` });
  expect(await socket.timeout(3000).emitWithAck('whoami'), 'the actor of auth.token (alice), not of the header (bob)').toEqual(alice);
});

/**
 * A second server whose injected clock says the token (15 minutes by the wall clock) has `leftMs`
 * left; it records every 'session:expired' its sockets emit, also after the client left.
 */
async function serverWithShiftedClock(token: string, leftMs: number) {
  const exp = (jwt.decode(token) as { exp: number }).exp;
  const shift = exp * 1000 - Date.now() - leftMs;
  const emitted: string[] = [];
  const server = createServer();
  const io = new Server(server);
  io.use(authenticateSockets(tokens, { now: () => Date.now() + shift }));
  io.on('connection', (socket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => { emitted.push(event); return emit(event, ...args); }) as typeof socket.emit;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, emitted, close: () => io.close() };
}

it('options.now is the clock: the token expires by the injected time, not the wall clock', async () => {
  const token = tokens.sign(alice);
  const s = await serverWithShiftedClock(token, 300);
  try {
    const socket = await connect({ token }, s.url);
    const gone = await new Promise<boolean>((r) => { socket.on('disconnect', () => r(true)); setTimeout(() => r(false), 2500); });
    expect(gone, 'disconnected about 300 ms after connecting, when the injected clock reaches exp').toBe(true);
    expect(s.emitted).toEqual(['session:expired']);
  } finally {
    await s.close();
  }
});

it('a client that disconnects first leaves no timer behind: nothing is emitted to it at its token’s expiry', async () => {
  const token = tokens.sign(alice);
  // 1.5 s left: room for the server to see the disconnect first even on a loaded machine.
  const s = await serverWithShiftedClock(token, 1500);
  try {
    const socket = await connect({ token }, s.url);
    socket.close();
    await new Promise((r) => setTimeout(r, 2000)); // past the expiry the injected clock gives
    expect(s.emitted, 'events the server emitted to a client that had already left').toEqual([]);
  } finally {
    await s.close();
  }
});

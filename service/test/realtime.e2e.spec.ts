import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, http, signUp, startServiceOnPostgres, type RunningService, type TestUser } from './fixtures/e2e.js';

let service: RunningService;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let mentor: TestUser;
const sockets: Socket[] = [];

beforeAll(async () => {
  service = await startServiceOnPostgres('realtime');
  [alice, bob, carol, mentor] = await Promise.all([
    signUp(service, 'alice'),
    signUp(service, 'bob'),
    signUp(service, 'carol'),
    signUp(service, 'mentor', 'MENTOR'),
  ]);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(() => service?.close());

async function connect(user: TestUser): Promise<{ socket: Socket; received: { event: string; taskId: string; status: string }[] }> {
  const socket = await connectSocket(service.url, user.token);
  sockets.push(socket);
  const received: { event: string; taskId: string; status: string }[] = [];
  socket.onAny((event: string, task: { id: string; status: string }) => received.push({ event, taskId: task.id, status: task.status }));
  return { socket, received };
}

const api = (method: string, path: string, user: TestUser, body?: unknown) =>
  http(service.url, method, path, { token: user.token, ...(body !== undefined && { body }) });

/** Events travel asynchronously; give them time to arrive (or, for the negative checks, not to). */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('WebSocket handshake', () => {
  it.each([
    ['no token', undefined],
    ['an invalid token', 'garbage'],
  ])('rejects a connection with %s', async (_label, token) => {
    await expect(connectSocket(service.url, token)).rejects.toThrow(/Unauthorized/);
  });

  it('accepts a valid token', async () => {
    const { socket } = await connect(alice);
    expect(socket.connected).toBe(true);
  });
});

describe('task events reach only the users allowed to see them', () => {
  it('creator, assignee and subscribed mentor get the events; a stranger gets none', async () => {
    const [a, b, c, m] = await Promise.all([connect(alice), connect(bob), connect(carol), connect(mentor)]);

    const task = (await api('POST', '/tasks', alice, { title: 'Realtime task' })).body;
    await expect.poll(() => a.received.map((e) => e.event)).toEqual(['task:created']);

    const ack = await m.socket.emitWithAck('task:subscribe', { taskId: task.id });
    expect(ack).toEqual({ ok: true, taskId: task.id });

    await api('POST', `/tasks/${task.id}/assign`, alice, { userId: bob.id });
    await expect.poll(() => b.received.map((e) => e.event)).toEqual(['task:updated']);

    await api('POST', `/tasks/${task.id}/complete`, bob);
    await expect.poll(() => a.received.map((e) => e.event)).toEqual(['task:created', 'task:updated', 'task:completed']);
    await expect.poll(() => b.received.map((e) => e.event)).toEqual(['task:updated', 'task:completed']);
    await expect.poll(() => m.received.map((e) => e.event)).toEqual(['task:updated', 'task:completed']);
    expect(m.received.at(-1)).toEqual({ event: 'task:completed', taskId: task.id, status: 'COMPLETED' });

    await quiet();
    expect(c.received, 'carol neither created, holds nor may see the task').toEqual([]);
  });

  it('a member cannot subscribe to a task they may not see; a bad payload is refused', async () => {
    const c = await connect(carol);
    const task = (await api('POST', '/tasks', alice, { title: 'Private task' })).body;
    expect(await c.socket.emitWithAck('task:subscribe', { taskId: task.id })).toMatchObject({ ok: false, code: 'TASK.FORBIDDEN' });
    expect(await c.socket.emitWithAck('task:subscribe', { taskId: 'nope' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' });
    await api('PATCH', `/tasks/${task.id}`, alice, { title: 'Private task, renamed' });
    await quiet();
    expect(c.received).toEqual([]);
  });

  it('after unsubscribing, a mentor stops receiving a task’s events', async () => {
    const m = await connect(mentor);
    const task = (await api('POST', '/tasks', alice, { title: 'Followed task' })).body;
    await m.socket.emitWithAck('task:subscribe', { taskId: task.id });
    await api('PATCH', `/tasks/${task.id}`, alice, { description: 'one' });
    await expect.poll(() => m.received.length).toBe(1);
    expect(await m.socket.emitWithAck('task:unsubscribe', { taskId: task.id })).toEqual({ ok: true });
    await api('PATCH', `/tasks/${task.id}`, alice, { description: 'two' });
    await quiet();
    expect(m.received).toHaveLength(1);
  });
});

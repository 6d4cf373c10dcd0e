import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CLOCK } from '../src/application/ports/clock.port.js';
import { TOKEN_SERVICE } from '../src/application/ports/token-service.port.js';
import { Task } from '../src/domain/task/task.entity.js';
import { TASK_REPOSITORY } from '../src/domain/task/task.repository.js';
import { TaskTypingGateway, TYPING_THROTTLE_MS } from '../src/infrastructure/realtime/task-typing.gateway.js';
import { InMemoryTaskRepository } from '../src/infrastructure/persistence/in-memory-task.repository.js';
import { JwtTokenService } from '../src/infrastructure/security/jwt.token-service.js';

const tokens = new JwtTokenService('typing-check-secret-of-enough-length');
const clock = { t: Date.parse('2026-03-02T09:00:00Z'), now() { return new Date(this.t); } };
const alice = { id: 'u-alice', role: 'MEMBER' as const };
const bob = { id: 'u-bob', role: 'MEMBER' as const };
const mallory = { id: 'u-mallory', role: 'MEMBER' as const };
const mentor = { id: 'u-mentor', role: 'MENTOR' as const };

let app: INestApplication;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  const tasks = new InMemoryTaskRepository();
  const shared = Task.create({ id: 't-shared', title: 'Pair on the gateway', creatorId: alice.id, now: clock.now() });
  shared.assign(bob.id, clock.now());
  await tasks.save(shared);
  await tasks.save(Task.create({ id: 't-private', title: 'Alice only', creatorId: alice.id, now: clock.now() }));
  await tasks.save(Task.create({ id: 't-other', title: 'Bob and the mentor', creatorId: bob.id, now: clock.now() }));
  const moduleRef = await Test.createTestingModule({
    providers: [
      TaskTypingGateway,
      { provide: TOKEN_SERVICE, useValue: tokens },
      { provide: TASK_REPOSITORY, useValue: tasks },
      { provide: CLOCK, useValue: clock },
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
  url = url.replace('[::1]', '127.0.0.1');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => app?.close());

function connect(actor: { id: string; role: 'MEMBER' | 'MENTOR' }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { token: tokens.sign(actor) }, reconnection: false, timeout: 5000 });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}
const ask = (socket: Socket, event: string, body: unknown) => socket.timeout(3000).emitWithAck(event, body);
function heard(socket: Socket): unknown[] {
  const got: unknown[] = [];
  socket.on('task:typing', (payload) => got.push(payload));
  return got;
}
const quiet = () => new Promise((r) => setTimeout(r, 200)); // time for a message that should not come

it('task:join lets the creator, the assignee and a mentor into the room', async () => {
  for (const actor of [alice, bob, mentor]) {
    expect(await ask(await connect(actor), 'task:join', { taskId: 't-shared' }), `${actor.id} joining t-shared`).toEqual({ ok: true });
  }
});

it('task:join refuses a member who may not see the task (TASK.FORBIDDEN), an unknown task and a malformed body', async () => {
  const socket = await connect(mallory);
  expect(await ask(socket, 'task:join', { taskId: 't-private' })).toMatchObject({ ok: false, code: 'TASK.FORBIDDEN' });
  expect(await ask(socket, 'task:join', { taskId: 't-404' })).toMatchObject({ ok: false, code: 'TASK.NOT_FOUND' });
  expect(await ask(socket, 'task:join', { task: 42 })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' });
});

it('a refused socket is not in the room: it hears nothing and cannot type there', async () => {
  const [owner, intruder] = [await connect(alice), await connect(mallory)];
  await ask(owner, 'task:join', { taskId: 't-private' });
  await ask(intruder, 'task:join', { taskId: 't-private' });
  const intruderHeard = heard(intruder);
  const ownerHeard = heard(owner);
  clock.t += 10 * TYPING_THROTTLE_MS;
  await ask(owner, 'task:typing', { taskId: 't-private' });
  expect(await ask(intruder, 'task:typing', { taskId: 't-private' })).toMatchObject({ ok: false, code: 'ROOM.NOT_JOINED' });
  await quiet();
  expect(intruderHeard, 'a refused member received typing events').toEqual([]);
  expect(ownerHeard, 'the owner received typing from someone outside the room').toEqual([]);
});

it('typing reaches the others in the room, not the sender, with the authenticated user id', async () => {
  const [a, b, m] = [await connect(alice), await connect(bob), await connect(mentor)];
  for (const s of [a, b, m]) await ask(s, 'task:join', { taskId: 't-shared' });
  const [aHeard, bHeard, mHeard] = [heard(a), heard(b), heard(m)];
  clock.t += 10 * TYPING_THROTTLE_MS;
  expect(await ask(b, 'task:typing', { taskId: 't-shared', userId: 'u-mallory' })).toEqual({ ok: true, sent: true });
  await quiet();
  expect(aHeard).toEqual([{ taskId: 't-shared', userId: 'u-bob' }]);
  expect(mHeard).toEqual([{ taskId: 't-shared', userId: 'u-bob' }]);
  expect(bHeard, 'the sender must not hear their own typing').toEqual([]);
});

it('typing is throttled per user and task: one broadcast per TYPING_THROTTLE_MS, other users unaffected', async () => {
  const [a, b, m] = [await connect(alice), await connect(bob), await connect(mentor)];
  for (const s of [a, b, m]) await ask(s, 'task:join', { taskId: 't-shared' });
  const mHeard = heard(m);
  clock.t += 10 * TYPING_THROTTLE_MS;
  const acks = [];
  for (let i = 0; i < 5; i++) acks.push(await ask(b, 'task:typing', { taskId: 't-shared' }));
  expect(acks.map((x) => (x as { sent: boolean }).sent), 'five keystrokes within the window').toEqual([true, false, false, false, false]);
  expect(await ask(a, 'task:typing', { taskId: 't-shared' }), "bob's throttle must not silence alice").toEqual({ ok: true, sent: true });
  clock.t += TYPING_THROTTLE_MS - 1;
  expect(await ask(b, 'task:typing', { taskId: 't-shared' }), 'still inside the window').toEqual({ ok: true, sent: false });
  clock.t += 1;
  expect(await ask(b, 'task:typing', { taskId: 't-shared' }), 'the window has passed').toEqual({ ok: true, sent: true });
  await quiet();
  expect(mHeard).toEqual([
    { taskId: 't-shared', userId: 'u-bob' },
    { taskId: 't-shared', userId: 'u-alice' },
    { taskId: 't-shared', userId: 'u-bob' },
  ]);
});

it('a socket in one task’s room cannot type in another task it has not joined (ROOM.NOT_JOINED)', async () => {
  const [b, m] = [await connect(bob), await connect(mentor)];
  await ask(b, 'task:join', { taskId: 't-shared' });
  await ask(m, 'task:join', { taskId: 't-other' });
  const mHeard = heard(m);
  clock.t += 10 * TYPING_THROTTLE_MS;
  expect(await ask(b, 'task:typing', { taskId: 't-other' })).toMatchObject({ ok: false, code: 'ROOM.NOT_JOINED' });
  await quiet();
  expect(mHeard, 'typing from a socket outside the t-other room').toEqual([]);
});

it('the throttle is per task too: the same user typing on another task inside the window is sent', async () => {
  const [b, m] = [await connect(bob), await connect(mentor)];
  for (const taskId of ['t-shared', 't-other']) {
    await ask(b, 'task:join', { taskId });
    await ask(m, 'task:join', { taskId });
  }
  const mHeard = heard(m);
  clock.t += 10 * TYPING_THROTTLE_MS;
  expect(await ask(b, 'task:typing', { taskId: 't-shared' })).toEqual({ ok: true, sent: true });
  expect(await ask(b, 'task:typing', { taskId: 't-other' }), 'another task, same user, same instant').toEqual({ ok: true, sent: true });
  await quiet();
  expect(mHeard).toEqual([{ taskId: 't-shared', userId: 'u-bob' }, { taskId: 't-other', userId: 'u-bob' }]);
});

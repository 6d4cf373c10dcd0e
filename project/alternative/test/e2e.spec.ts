// The whole service over real HTTP and socket.io, on the real PostgreSQL (or PGlite without
// DATABASE_URL) and Redis, the way `npm start` builds it.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, client, dropKeys, type Started, startService } from './support.js';

let s: Started;
let call: ReturnType<typeof client>;
const sockets: Socket[] = [];
const password = 'long enough password';
const ada = { email: `ada-${randomUUID().slice(0, 8)}@example.com`, id: '', token: '' };
const bob = { email: `bob-${randomUUID().slice(0, 8)}@example.com`, id: '', token: '' };

beforeAll(async () => {
  s = await startService();
  call = client(s.url);
  for (const [who, name] of [
    [ada, 'Ada'],
    [bob, 'Bob'],
  ] as const) {
    const registered = await call('POST', '/auth/register', { body: { email: who.email, name, password } });
    expect(registered.status).toBe(201);
    who.id = registered.body.id;
    const login = await call('POST', '/auth/login', { body: { email: who.email.toUpperCase(), password } });
    expect(login.status).toBe(200);
    who.token = login.body.accessToken;
  }
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await s?.service.close();
  if (s) await dropKeys(s.redisUrl, s.redisPrefix);
});

const expectProblem = (answer: Answer, status: number, code?: string) => {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({
    statusCode: status,
    code: code ?? expect.any(String),
    message: expect.any(String),
  });
};

async function newTask(title = 'Write the tests', token = ada.token): Promise<string> {
  const created = await call('POST', '/tasks', { token, body: { title } });
  expect(created.status).toBe(201);
  return created.body.id;
}

function connect(token: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(s.url, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

function next(socket: Socket, event: string, taskId: string): Promise<{ id: string; status: string }> {
  return new Promise((resolve) => {
    const listener = (task: { id: string; status: string }) => {
      if (task.id !== taskId) return;
      socket.off(event, listener);
      resolve(task);
    };
    socket.on(event, listener);
  });
}

function nextTitled(socket: Socket, event: string, title: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (task: { title: string }) => {
      if (task.title !== title) return;
      socket.off(event, listener);
      resolve(task);
    };
    socket.on(event, listener);
  });
}

describe('accounts', () => {
  it('never shows the password, refuses a taken email, a bad email, a short password and a wrong password', async () => {
    const again = await call('POST', '/auth/register', { body: { email: ada.email, name: 'Ada', password } });
    expectProblem(again, 409, 'USER.EMAIL_TAKEN');
    const invalid = await call('POST', '/auth/register', { body: { email: 'nope', name: 'X', password: 'short' } });
    expectProblem(invalid, 400, 'REQUEST.INVALID');
    expect(invalid.body.message).toMatch(/email.*password/s);
    const wrong = await call('POST', '/auth/login', { body: { email: ada.email, password: 'not the password' } });
    expectProblem(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
  });

  it('refuses /tasks without a token, with garbage, or with a token signed elsewhere', async () => {
    expectProblem(await call('GET', '/tasks'), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await call('GET', '/tasks', { token: 'not.a.jwt' }), 401, 'AUTH.UNAUTHENTICATED');
    const [header, claims] = ada.token.split('.');
    expectProblem(await call('GET', '/tasks', { token: `${header}.${claims}.forged` }), 401);
  });
});

describe('tasks', () => {
  it('runs the life cycle: create, read, edit, assign, complete, delete', async () => {
    const created = await call('POST', '/tasks', {
      token: ada.token,
      body: { title: '  Plan  ', description: 'Two weeks' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Plan',
      description: 'Two weeks',
      status: 'TODO',
      creatorId: ada.id,
      assigneeId: null,
    });
    const id = created.body.id as string;
    expect((await call('GET', `/tasks/${id}`, { token: ada.token })).body.title).toBe('Plan');
    const edited = await call('PATCH', `/tasks/${id}`, {
      token: ada.token,
      body: { title: 'Plan it', description: null },
    });
    expect(edited.body).toMatchObject({ title: 'Plan it', description: null });
    expectProblem(await call('PATCH', `/tasks/${id}`, { token: ada.token, body: {} }), 400);
    expectProblem(
      await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: randomUUID() } }),
      404,
      'USER.NOT_FOUND',
    );
    const assigned = await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: bob.id } });
    expect(assigned.body).toMatchObject({ status: 'IN_PROGRESS', assigneeId: bob.id });
    expect((await call('GET', `/tasks/${id}`, { token: bob.token })).status).toBe(200);
    expect((await call('POST', `/tasks/${id}/complete`, { token: bob.token })).body.status).toBe('COMPLETED');
    expectProblem(await call('POST', `/tasks/${id}/complete`, { token: ada.token }), 409, 'TASK.ALREADY_COMPLETED');
    expectProblem(
      await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: bob.id } }),
      409,
      'TASK.CANNOT_ASSIGN_COMPLETED',
    );
    expectProblem(await call('DELETE', `/tasks/${id}`, { token: bob.token }), 403, 'TASK.FORBIDDEN');
    expect((await call('DELETE', `/tasks/${id}`, { token: ada.token })).status).toBe(204);
    expectProblem(await call('GET', `/tasks/${id}`, { token: ada.token }), 404, 'TASK.NOT_FOUND');
    expectProblem(await call('GET', '/tasks/not-a-uuid', { token: ada.token }), 404, 'TASK.NOT_FOUND');
  });

  it("keeps members out of each other's tasks", async () => {
    const id = await newTask('Ada only');
    expectProblem(await call('GET', `/tasks/${id}`, { token: bob.token }), 403, 'TASK.FORBIDDEN');
    expectProblem(
      await call('PATCH', `/tasks/${id}`, { token: bob.token, body: { title: 'Mine now' } }),
      403,
      'TASK.FORBIDDEN',
    );
    expectProblem(await call('POST', `/tasks/${id}/complete`, { token: bob.token }), 403, 'TASK.FORBIDDEN');
    expectProblem(
      await call('POST', `/tasks/${id}/assign`, { token: bob.token, body: { userId: bob.id } }),
      403,
      'TASK.FORBIDDEN',
    );
    expectProblem(await call('POST', '/tasks', { token: ada.token, body: { title: ' ab ' } }), 400, 'REQUEST.INVALID');
  });

  it('pages the caller’s tasks with checked page and limit', async () => {
    const carolToken = bob.token;
    for (const title of ['one', 'two', 'three']) await newTask(`Bob ${title}`, carolToken);
    const page = await call('GET', '/tasks?page=2&limit=2', { token: carolToken });
    expect(page.status).toBe(200);
    expect(page.body.meta).toEqual({
      total: page.body.meta.total,
      page: 2,
      limit: 2,
      totalPages: Math.ceil(page.body.meta.total / 2),
    });
    expect(
      page.body.data.every(
        (t: { creatorId: string; assigneeId: string }) => t.creatorId === bob.id || t.assigneeId === bob.id,
      ),
    ).toBe(true);
    expect((await call('GET', '/tasks', { token: carolToken })).body.meta).toMatchObject({ page: 1, limit: 20 });
    for (const query of ['limit=0', 'limit=101', 'page=0', 'page=x'])
      expectProblem(await call('GET', `/tasks?${query}`, { token: carolToken }), 400, 'REQUEST.INVALID');
  });

  it('caches single reads in Redis under the prefix and drops the copy on every change', async () => {
    const redis = new Redis(s.redisUrl);
    try {
      const id = await newTask('Cached');
      await call('GET', `/tasks/${id}`, { token: ada.token });
      expect(await redis.exists(`${s.redisPrefix}task:${id}`)).toBe(1);
      await call('PATCH', `/tasks/${id}`, { token: ada.token, body: { title: 'Cached twice' } });
      expect(await redis.exists(`${s.redisPrefix}task:${id}`)).toBe(0);
      expect((await call('GET', `/tasks/${id}`, { token: ada.token })).body.title).toBe('Cached twice');
    } finally {
      redis.disconnect();
    }
  });
});

describe('hardening', () => {
  it('answers every failure in one format, with security headers', async () => {
    const unknown = await call('GET', '/nowhere');
    expectProblem(unknown, 404, 'ROUTE.NOT_FOUND');
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unknown.headers.get('x-powered-by')).toBeNull();
    expectProblem(await call('POST', '/auth/login', { raw: '{"email":' }), 400);
    expectProblem(
      await call('POST', '/auth/login', { raw: JSON.stringify({ pad: 'x'.repeat(110_000) }) }),
      413,
      'REQUEST.TOO_LARGE',
    );
  });

  it('reports health and describes itself in OpenAPI', async () => {
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    const doc = await call('GET', '/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/tasks', '/tasks/{id}']));
  });
});

describe('real time and notifications', () => {
  it('refuses a handshake without a valid token', async () => {
    await expect(connect(undefined)).rejects.toThrow(/AUTH.UNAUTHENTICATED/);
    await expect(connect('not.a.jwt')).rejects.toThrow(/AUTH.UNAUTHENTICATED/);
  });

  it('tells the creator and the assignee, and nobody else; queues a notice when the assignee completes', async () => {
    const adaSocket = await connect(ada.token);
    const bobSocket = await connect(bob.token);
    const heardByBob: string[] = [];
    bobSocket.onAny((event: string, task: { title?: string }) => heardByBob.push(`${event} ${task.title}`));
    const id = (await call('POST', '/tasks', { token: ada.token, body: { title: 'Tell Ada' } })).body.id as string;
    // Bob's own task's event comes after Ada's on the server, so on Bob's ordered connection anything
    // about Ada's task would have arrived first.
    const bobsOwn = nextTitled(bobSocket, 'task:created', 'Bob himself');
    await newTask('Bob himself', bob.token);
    await bobsOwn;
    expect(heardByBob).toEqual(['task:created Bob himself']);
    const updated = next(bobSocket, 'task:updated', id);
    await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: bob.id } });
    expect((await updated).id).toBe(id);
    const completed = next(adaSocket, 'task:completed', id);
    await call('POST', `/tasks/${id}/complete`, { token: bob.token });
    expect((await completed).status).toBe('COMPLETED');

    const queue = new Queue('notifications', {
      connection: new Redis(s.redisUrl, { maxRetriesPerRequest: null }),
      prefix: `${s.redisPrefix}bull`,
    });
    try {
      const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed']);
      const job = jobs.find((j) => j.data.taskId === id);
      expect(job?.name).toBe('task.completed');
      expect(job?.data.recipientId).toBe(ada.id);
      expect(job?.opts.attempts).toBeGreaterThanOrEqual(3);
    } finally {
      await queue.close();
    }
    const deleted = next(adaSocket, 'task:deleted', id);
    await call('DELETE', `/tasks/${id}`, { token: ada.token });
    expect((await deleted).id).toBe(id);
  });
});

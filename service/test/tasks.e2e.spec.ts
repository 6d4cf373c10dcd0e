import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, signUp, startServiceOnPostgres, type RunningService, type TestUser } from './fixtures/e2e.js';

// PostgreSQL + Redis cache + BullMQ: the production adapters, end to end over real HTTP.
let service: RunningService;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let mentor: TestUser;

beforeAll(async () => {
  service = await startServiceOnPostgres('tasks');
  [alice, bob, carol, mentor] = await Promise.all([
    signUp(service, 'alice'),
    signUp(service, 'bob'),
    signUp(service, 'carol'),
    signUp(service, 'mentor', 'MENTOR'),
  ]);
});
afterAll(() => service?.close());

const api = (method: string, path: string, user?: TestUser, body?: unknown) =>
  http(service.url, method, path, { ...(user && { token: user.token }), ...(body !== undefined && { body }) });

async function createTask(user: TestUser, title = 'Write the onboarding guide', extra: object = {}) {
  const result = await api('POST', '/tasks', user, { title, ...extra });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

describe('task life cycle', () => {
  it('create 201 → get → assign (IN_PROGRESS) → complete → complete again 409 → delete 204 → 404', async () => {
    const task = await createTask(alice, '  Review PR #12  ', { description: 'Look at the tests first', dueDate: '2026-12-01T12:00:00Z' });
    expect(task).toMatchObject({ title: 'Review PR #12', status: 'TODO', creatorId: alice.id, dueDate: '2026-12-01T12:00:00.000Z' });

    expect((await api('GET', `/tasks/${task.id}`, alice)).body).toEqual(task);

    const assigned = await api('POST', `/tasks/${task.id}/assign`, alice, { userId: bob.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'IN_PROGRESS', assigneeId: bob.id });

    const completed = await api('POST', `/tasks/${task.id}/complete`, bob);
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('COMPLETED');

    const again = await api('POST', `/tasks/${task.id}/complete`, bob);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'TASK.ALREADY_COMPLETED' });

    const reassign = await api('POST', `/tasks/${task.id}/assign`, alice, { userId: carol.id });
    expect(reassign.status).toBe(409);
    expect(reassign.body.code).toBe('TASK.CANNOT_ASSIGN_COMPLETED');

    expect((await api('DELETE', `/tasks/${task.id}`, alice)).status).toBe(204);
    const gone = await api('GET', `/tasks/${task.id}`, alice);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('TASK.NOT_FOUND');
  });

  it('a read after a write never shows the cached copy from before it', async () => {
    const task = await createTask(alice);
    await api('GET', `/tasks/${task.id}`, alice); // now cached
    await api('PATCH', `/tasks/${task.id}`, alice, { title: 'Renamed task' });
    expect((await api('GET', `/tasks/${task.id}`, alice)).body.title).toBe('Renamed task');
    await api('POST', `/tasks/${task.id}/complete`, alice);
    expect((await api('GET', `/tasks/${task.id}`, alice)).body.status).toBe('COMPLETED');
  });

  it('PATCH changes only the fields sent and can clear the due date', async () => {
    const task = await createTask(alice, 'Patch me', { description: 'keep', dueDate: '2026-12-24T00:00:00Z' });
    const patched = await api('PATCH', `/tasks/${task.id}`, alice, { dueDate: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Patch me', description: 'keep', dueDate: null });
  });
});

describe('validation and bad input', () => {
  it.each([
    ['a title too short after trimming', { title: '  ab ' }, 'TASK.INVALID_TITLE'],
    ['a title that is not a string', { title: 42 }, 'VALIDATION.FAILED'],
    ['a description over 1000 characters', { title: 'Fine title', description: 'x'.repeat(1001) }, 'TASK.INVALID_DESCRIPTION'],
    ['a due date that is not ISO 8601', { title: 'Fine title', dueDate: 'tomorrow' }, 'VALIDATION.FAILED'],
    ['an unknown field', { title: 'Fine title', status: 'COMPLETED' }, 'VALIDATION.FAILED'],
  ])('POST /tasks with %s answers 400 %s', async (_label, body, code) => {
    const result = await api('POST', '/tasks', alice, body);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ statusCode: 400, code });
    expect(result.body.message.length).toBeGreaterThan(10);
  });

  it('an empty PATCH is 400, not a silent no-op', async () => {
    const task = await createTask(alice);
    expect((await api('PATCH', `/tasks/${task.id}`, alice, {})).status).toBe(400);
  });

  it('malformed JSON is 400 REQUEST.MALFORMED_JSON', async () => {
    const result = await http(service.url, 'POST', '/tasks', { token: alice.token, raw: '{"title": "unterminated' });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('a body over 100 kB is 413 REQUEST.TOO_LARGE', async () => {
    const result = await api('POST', '/tasks', alice, { title: 'Big', description: 'x'.repeat(120_000) });
    expect(result.status).toBe(413);
    expect(result.body.code).toBe('REQUEST.TOO_LARGE');
  });

  it.each(['not-a-uuid', '123', "1' OR '1'='1"])('an invalid id %j is 400 on every route', async (id) => {
    const path = `/tasks/${encodeURIComponent(id)}`;
    for (const [method, suffix, body] of [['GET', ''], ['PATCH', '', { title: 'xyz' }], ['DELETE', ''], ['POST', '/complete'], ['POST', '/assign', { userId: bob.id }]] as const) {
      const result = await api(method, path + suffix, alice, body);
      expect(result.status, `${method} ${path}${suffix}`).toBe(400);
      expect(result.body.code).toBe('VALIDATION.FAILED');
    }
  });

  it('assigning to a user who does not exist is 404 USER.NOT_FOUND', async () => {
    const task = await createTask(alice);
    const result = await api('POST', `/tasks/${task.id}/assign`, alice, { userId: randomUUID() });
    expect(result.status).toBe(404);
    expect(result.body.code).toBe('USER.NOT_FOUND');
  });

  it('an unknown route is a JSON 404', async () => {
    const result = await api('GET', '/nowhere', alice);
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ statusCode: 404, code: 'HTTP.NOT_FOUND' });
  });
});

describe('ownership', () => {
  it('a member cannot see or change another member’s task (403); the assignee and mentors can', async () => {
    const task = await createTask(alice);
    for (const [method, suffix, body] of [['GET', ''], ['PATCH', '', { title: 'Hijacked' }], ['POST', '/complete'], ['POST', '/assign', { userId: carol.id }], ['DELETE', '']] as const) {
      const result = await api(method, `/tasks/${task.id}${suffix}`, carol, body);
      expect(result.status, `${method} ${suffix} by a stranger`).toBe(403);
      expect(result.body.code).toBe('TASK.FORBIDDEN');
    }
    await api('POST', `/tasks/${task.id}/assign`, alice, { userId: bob.id });
    expect((await api('PATCH', `/tasks/${task.id}`, bob, { description: 'assignee edit' })).status).toBe(200);
    expect((await api('PATCH', `/tasks/${task.id}`, mentor, { description: 'mentor edit' })).status).toBe(200);
    expect((await api('GET', `/tasks/${task.id}`, alice)).body.description).toBe('mentor edit');
  });

  it('the audit log is for mentors and admins only', async () => {
    expect((await api('GET', '/audit', carol)).status).toBe(403);
    const audit = await api('GET', '/audit?limit=5', mentor);
    expect(audit.status).toBe(200);
    expect(audit.body.length).toBeGreaterThan(0);
    expect(audit.body[0]).toEqual(expect.objectContaining({ action: expect.stringMatching(/^task\./), actorId: expect.any(String) }));
  });
});

describe('GET /tasks: pagination, filters, sorting, stats', () => {
  let dave: TestUser;
  beforeAll(async () => {
    dave = await signUp(service, 'dave');
    for (let i = 1; i <= 7; i++) {
      const task = await createTask(dave, `Dave task ${i}`, { dueDate: `2026-12-${String(10 + i).padStart(2, '0')}T00:00:00Z` });
      if (i <= 2) await api('POST', `/tasks/${task.id}/complete`, dave);
      if (i === 3) await api('POST', `/tasks/${task.id}/assign`, dave, { userId: bob.id });
    }
  });

  it('returns { data, meta } pages; a member sees only their own and assigned tasks', async () => {
    const page = await api('GET', '/tasks?page=2&limit=3&sort=title', dave);
    expect(page.status).toBe(200);
    expect(page.body.meta).toEqual({ total: 7, page: 2, limit: 3, totalPages: 3 });
    expect(page.body.data.map((t: { title: string }) => t.title)).toEqual(['Dave task 4', 'Dave task 5', 'Dave task 6']);
    const last = await api('GET', '/tasks?page=3&limit=3&sort=title', dave);
    expect(last.body.data).toHaveLength(1);
  });

  it('filters by status and assignee, sorts descending with -field', async () => {
    const done = await api('GET', '/tasks?status=COMPLETED&sort=-dueDate', dave);
    expect(done.body.data.map((t: { title: string }) => t.title)).toEqual(['Dave task 2', 'Dave task 1']);
    const bobs = await api('GET', `/tasks?assigneeId=${bob.id}`, dave);
    expect(bobs.body.data.map((t: { title: string }) => t.title)).toEqual(['Dave task 3']);
  });

  it('mentors see everyone’s tasks', async () => {
    const all = await api('GET', '/tasks?limit=100', mentor);
    expect(all.body.meta.total).toBeGreaterThan(7);
  });

  it.each(['limit=101', 'limit=0', 'page=0', 'page=abc', 'status=DONE', 'sort=password', 'assigneeId=bob'])(
    'rejects %s with 400',
    async (query) => {
      const result = await api('GET', `/tasks?${query}`, dave);
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION.FAILED');
    },
  );

  it('GET /tasks/stats counts the caller’s tasks per status', async () => {
    const stats = await api('GET', '/tasks/stats', dave);
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({ total: 7, byStatus: { TODO: 4, IN_PROGRESS: 1, COMPLETED: 2 }, overdue: 0 });
  });
});

describe('GET /health', () => {
  it('reports database, cache and queue up', async () => {
    const health = await api('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, cache: { status: 'up' }, queue: { status: 'up' } },
    });
  });
});

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startService, type RunningService, type TestUser } from './fixtures/e2e.js';

let service: RunningService;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  service = await startService();
  alice = await signUp(service, 'alice');
  bob = await signUp(service, 'bob');
});
afterAll(() => service?.close());

const api = () => request(service.app.getHttpServer());
const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

async function createTask(user: TestUser, title: string): Promise<{ id: string; status: string }> {
  const res = await api().post('/tasks').set(as(user)).send({ title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('POST /tasks', () => {
  it('creates a task: 201 with the task, TODO and owned by the caller', async () => {
    const res = await api().post('/tasks').set(as(alice)).send({ title: '  Write the e2e chapter ', dueDate: '2026-12-01T12:00:00Z' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Write the e2e chapter', status: 'TODO', creatorId: alice.id, dueDate: '2026-12-01T12:00:00.000Z' });
  });

  it('refuses a field the API does not know with 400', async () => {
    const res = await api().post('/tasks').set(as(alice)).send({ title: 'Sneaky', status: 'COMPLETED' });
    expect(res.status).toBe(400);
  });
});

describe('authentication and authorisation', () => {
  it('answers 401 to a request without a token', async () => {
    expect((await api().get('/tasks')).status).toBe(401);
    expect((await api().post('/tasks').send({ title: 'No token' })).status).toBe(401);
  });

  it("answers 403 when a member reads another member's task", async () => {
    const task = await createTask(alice, 'Alice only');
    expect((await api().get(`/tasks/${task.id}`).set(as(bob))).status).toBe(403);
    expect((await api().get(`/tasks/${task.id}`).set(as(alice))).status).toBe(200);
  });
});

describe('completing', () => {
  it('completes once (200), and answers 409 the second time', async () => {
    const task = await createTask(alice, 'Finish me');
    const first = await api().post(`/tasks/${task.id}/complete`).set(as(alice));
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('COMPLETED');
    expect((await api().post(`/tasks/${task.id}/complete`).set(as(alice))).status).toBe(409);
  });
});

describe('GET /tasks', () => {
  it('filters by status', async () => {
    const carol = await signUp(service, 'carol');
    const done = await createTask(carol, 'Done already');
    await createTask(carol, 'Still open');
    await api().post(`/tasks/${done.id}/complete`).set(as(carol)).expect(200);
    const res = await api().get('/tasks').query({ status: 'COMPLETED' }).set(as(carol));
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { title: string }) => t.title)).toEqual(['Done already']);
  });
});

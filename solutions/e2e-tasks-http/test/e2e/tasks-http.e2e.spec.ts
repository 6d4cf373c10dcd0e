import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/user/actor.js';
import { alice, bearer, bob, startTasksApi } from './tasks-api.js';

let app: INestApplication;
beforeAll(async () => {
  app = await startTasksApi();
});
afterAll(() => app?.close());

const api = () => request(app.getHttpServer());

async function createTask(user: Actor, title: string): Promise<{ id: string; status: string }> {
  const res = await api().post('/tasks').set(bearer(user)).send({ title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('POST /tasks', () => {
  it('creates a task: 201 with the task, TODO and owned by the caller', async () => {
    const res = await api().post('/tasks').set(bearer(alice)).send({ title: '  Write the e2e chapter ', dueDate: '2026-12-01T12:00:00Z' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Write the e2e chapter', status: 'TODO', creatorId: alice.id, dueDate: '2026-12-01T12:00:00.000Z' });
  });

  it('refuses a field the API does not know with 400', async () => {
    const res = await api().post('/tasks').set(bearer(alice)).send({ title: 'Sneaky', status: 'COMPLETED' });
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
    expect((await api().get(`/tasks/${task.id}`).set(bearer(bob))).status).toBe(403);
    expect((await api().get(`/tasks/${task.id}`).set(bearer(alice))).status).toBe(200);
  });
});

describe('completing', () => {
  it('completes once (200), and answers 409 the second time', async () => {
    const task = await createTask(alice, 'Finish me');
    const first = await api().post(`/tasks/${task.id}/complete`).set(bearer(alice));
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('COMPLETED');
    expect((await api().post(`/tasks/${task.id}/complete`).set(bearer(alice))).status).toBe(409);
  });
});

describe('GET /tasks', () => {
  it('filters by status', async () => {
    const carol: Actor = { id: 'u-carol', role: 'MEMBER' };
    const done = await createTask(carol, 'Done already');
    await createTask(carol, 'Still open');
    await api().post(`/tasks/${done.id}/complete`).set(bearer(carol)).expect(200);
    const res = await api().get('/tasks').query({ status: 'COMPLETED' }).set(bearer(carol));
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { title: string }) => t.title)).toEqual(['Done already']);
  });
});

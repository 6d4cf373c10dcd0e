import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bearer, startTasksApi } from './tasks-api.js';

let app: INestApplication;
beforeAll(async () => {
  app = await startTasksApi();
});
afterAll(() => app?.close());

const api = () => request(app.getHttpServer());

describe('tasks over HTTP', () => {
  it('GET /tasks answers 200 for a signed-in user', async () => {
    const res = await api().get('/tasks').set(bearer(alice));
    expect(res.status).toBe(200);
  });

  // TODO: one test per behaviour in the instructions.
});

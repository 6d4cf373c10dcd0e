import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startService, type RunningService, type TestUser } from './fixtures/e2e.js';

let service: RunningService;
let alice: TestUser;

beforeAll(async () => {
  service = await startService();
  alice = await signUp(service, 'alice');
});
afterAll(() => service?.close());

const api = () => request(service.app.getHttpServer());

describe('tasks over HTTP', () => {
  it('GET /tasks answers for a signed-in user', async () => {
    const res = await api().get('/tasks').set('Authorization', `Bearer ${alice.token}`);
    expect(res.status).toBe(200);
  });

  // TODO: one test per behaviour in the instructions.
});

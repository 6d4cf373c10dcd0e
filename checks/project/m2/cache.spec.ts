// Milestone 2, cache: GET /tasks/:id is cached in Redis under REDIS_PREFIX, and every change
// to a task removes its cached copy before the change is answered.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { call, contract, expectStatus, type Member } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';
import { keysUnder, runRedis } from '../helpers/realtime.ts';

const { redis, prefix } = runRedis();
let ada: Member;
let eve: Member;
beforeAll(() => {
  ({ ada, eve } = members());
});
afterAll(() => redis.quit());

async function task(title: string): Promise<string> {
  const created = await call('POST', '/tasks', { token: ada.token, body: { title } });
  expectStatus(created, 201);
  return created.body.id;
}

describe('M2 cache', () => {
  it('GET /tasks/:id stores the task in Redis under REDIS_PREFIX (a key naming the task id appears)', async () => {
    const id = await task('Cache me');
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 200);
    const keys = await keysUnder(redis, prefix, `*${id}*`);
    contract(keys.length > 0, `After GET /tasks/${id} no Redis key under the prefix "${prefix}" names the task; the contract says GET /tasks/:id is cached in Redis (REDIS_URL), every key starting with REDIS_PREFIX.`);
  });

  it('PATCH /tasks/:id invalidates the cached copy: the next GET answers the new title', async () => {
    const id = await task('Old title');
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 200);
    expectStatus(await call('PATCH', `/tasks/${id}`, { token: ada.token, body: { title: 'New title' } }), 200);
    const read = await call('GET', `/tasks/${id}`, { token: ada.token });
    contract(read.body?.title === 'New title', `GET /tasks/${id} right after PATCH answered title "${read.body?.title}"; the contract says a change removes the cached copy before it is answered, so the next read sees "New title".`);
  });

  it('POST /tasks/:id/assign invalidates the cached copy: the next GET answers the assignee and IN_PROGRESS', async () => {
    const id = await task('Give me away');
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 200);
    expectStatus(await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: eve.id } }), 200);
    const read = await call('GET', `/tasks/${id}`, { token: ada.token });
    contract(read.body?.assigneeId === eve.id && read.body.status === 'IN_PROGRESS', `GET /tasks/${id} right after assigning it to Eve answered assigneeId "${read.body?.assigneeId}", status "${read.body?.status}"; the contract says the cached copy is removed, so the next read sees Eve and "IN_PROGRESS".`);
  });

  it('POST /tasks/:id/complete invalidates the cached copy: the next GET answers status COMPLETED', async () => {
    const id = await task('Finish me');
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 200);
    expectStatus(await call('POST', `/tasks/${id}/complete`, { token: ada.token }), 200);
    const read = await call('GET', `/tasks/${id}`, { token: ada.token });
    contract(read.body?.status === 'COMPLETED', `GET /tasks/${id} right after completing it answered status "${read.body?.status}"; the contract says the cached copy is removed, so the next read sees "COMPLETED".`);
  });

  it('DELETE /tasks/:id invalidates the cached copy: the next GET answers 404', async () => {
    const id = await task('Delete me');
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 200);
    expectStatus(await call('DELETE', `/tasks/${id}`, { token: ada.token }), 204);
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 404, 'TASK.NOT_FOUND', 'right after DELETE');
  });
});

// Milestone 2, queue: completing a task enqueues a notification on a BullMQ queue named
// "notifications" (keys under REDIS_PREFIX) and a worker of the service processes it.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { call, contract, expectStatus, type Member } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';
import { eventually, keysUnder, runRedis } from '../helpers/realtime.ts';

const { redis, prefix } = runRedis();
let ada: Member;
beforeAll(() => {
  ({ ada } = members());
});
afterAll(() => redis.quit());

/** BullMQ's event stream of the notifications queue (`<prefix…>notifications:events`). */
async function queueEvents(): Promise<string[][]> {
  const [stream] = await keysUnder(redis, prefix, '*notifications:events');
  if (!stream) return [];
  const entries = await redis.xrange(stream, '-', '+');
  return entries.map(([, fields]) => fields);
}

describe('M2 queue', () => {
  // The job is added after the command returns (the event handler enqueues it), and on a busy machine
  // that can take seconds: the windows below are generous, the verdict does not depend on speed.
  it('completing a task adds a job to the BullMQ queue "notifications" under REDIS_PREFIX, and a worker completes it', { timeout: 60_000 }, async () => {
    const created = await call('POST', '/tasks', { token: ada.token, body: { title: 'Notify on done' } });
    expectStatus(created, 201);
    expectStatus(await call('POST', `/tasks/${created.body.id}/complete`, { token: ada.token }), 200);
    const added = await eventually(async () => (await queueEvents()).some((f) => f[1] === 'added'), 15_000);
    contract(added, `Within 15 s of POST /tasks/:id/complete no job was added to a BullMQ queue named "notifications" under the prefix "${prefix}"; the contract says completing a task enqueues a notification there (BullMQ prefix starting with REDIS_PREFIX).`);
    const done = await eventually(async () => (await queueEvents()).some((f) => f[1] === 'completed'), 20_000);
    contract(done, 'A notification job was added but no worker completed it within 20 s; the contract says the service runs a worker for the "notifications" queue.');
  });
});

// Milestone 2, queue: completing a task someone else created enqueues a `task.completed` job for
// the creator on the BullMQ queue "notifications" (BullMQ prefix `<REDIS_PREFIX>bull`), added with
// retries (attempts ≥ 3 and a backoff), and a worker of the service processes it.
// The suite pauses the queue (BullMQ's own pause flag, which every BullMQ worker obeys) before the
// completion, so the job waits where its name, data and options can be read; then it resumes.
// Each check makes its own task: it never relies on a job another check (or file) caused.
import { type Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { call, contract, expectStatus, type Member } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';
import { eventually, runRedis } from '../helpers/realtime.ts';

const { redis, prefix } = runRedis();
const bullPrefix = `${prefix}bull`;
const queue = new Queue('notifications', { connection: redis, prefix: bullPrefix });
let ada: Member;
let eve: Member;
beforeAll(() => {
  ({ ada, eve } = members());
});
afterAll(async () => {
  await queue.resume().catch(() => undefined);
  await queue.close();
  await redis.quit();
});

/**
 * With the queue paused: Ada creates a task and gives it to Eve, Eve completes it. Resolves with
 * the waiting `task.completed` job for that task (the queue stays paused: the caller resumes it).
 */
async function completionJob(): Promise<{ job: Job; taskId: string }> {
  await queue.pause();
  const created = await call('POST', '/tasks', { token: ada.token, body: { title: 'Notify Ada when done' } });
  expectStatus(created, 201);
  const taskId: string = created.body.id;
  expectStatus(await call('POST', `/tasks/${taskId}/assign`, { token: ada.token, body: { userId: eve.id } }), 200);
  expectStatus(await call('POST', `/tasks/${taskId}/complete`, { token: eve.token }), 200);
  const found: { job?: Job } = {};
  // The job is added after the answer (an event handler enqueues it); on a busy machine that can
  // take seconds: the window is generous, the verdict does not depend on speed.
  await eventually(async () => {
    const waiting = await queue.getJobs(['wait', 'paused', 'prioritized', 'delayed']);
    found.job = waiting.find((job) => job.name === 'task.completed' && job.data?.taskId === taskId) as Job | undefined;
    return found.job !== undefined;
  }, 15_000);
  const names = (await queue.getJobs(['wait', 'paused', 'prioritized', 'delayed'])).map((job) => job.name);
  contract(
    found.job,
    `Within 15 s of Eve completing Ada's task ${taskId} no job named "task.completed" with data.taskId "${taskId}" was added to the BullMQ queue "notifications" with prefix "${bullPrefix}" (jobs waiting there: ${names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none'}); the contract says completing a task someone else created enqueues one for the creator, BullMQ prefix REDIS_PREFIX + "bull".`,
  );
  return { job: found.job, taskId };
}

/** Whether the queue's event stream says job `id` completed. */
async function completedEvent(id: string): Promise<boolean> {
  const entries = await redis.xrange(`${bullPrefix}:notifications:events`, '-', '+');
  return entries.some(([, fields]) => fields[1] === 'completed' && fields[3] === id);
}

describe('M2 queue', () => {
  it(
    'completing a task someone else created adds a job "task.completed" for the creator to the BullMQ queue "notifications" under REDIS_PREFIX, and a worker completes it',
    { timeout: 60_000 },
    async () => {
      try {
        const { job, taskId } = await completionJob();
        contract(
          job.data?.recipientId === ada.id,
          `The "task.completed" job for task ${taskId} has data ${JSON.stringify(job.data)}; the contract says data.recipientId is the creator's id (${ada.id}).`,
        );
        await queue.resume();
        const done = await eventually(() => completedEvent(String(job.id)), 20_000);
        contract(
          done,
          `The "task.completed" job ${job.id} was added but no worker completed it within 20 s of the queue being resumed; the contract says the service runs a BullMQ worker for the "notifications" queue.`,
        );
      } finally {
        await queue.resume();
      }
    },
  );

  it('notification jobs are added with retries: attempts of at least 3 and a backoff', { timeout: 60_000 }, async () => {
    try {
      const { job } = await completionJob();
      const { attempts, backoff } = job.opts;
      contract(
        typeof attempts === 'number' && attempts >= 3,
        `The "task.completed" job was added with attempts ${JSON.stringify(attempts)}; the contract says at least 3 (BullMQ job option \`attempts\`, e.g. in the queue's defaultJobOptions).`,
      );
      const delay = typeof backoff === 'number' ? backoff : backoff?.delay;
      const type = typeof backoff === 'number' ? 'fixed' : backoff?.type;
      contract(
        (type === 'exponential' || type === 'fixed') && typeof delay === 'number' && delay > 0,
        `The "task.completed" job was added with backoff ${JSON.stringify(backoff)}; the contract says a backoff \`{ type: 'exponential' | 'fixed', delay: <ms, more than 0> }\`, so a failed delivery is retried later, not at once.`,
      );
    } finally {
      await queue.resume();
    }
  });
});

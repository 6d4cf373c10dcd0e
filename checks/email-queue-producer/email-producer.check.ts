import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { EMAIL_BACKOFF_MS, EMAIL_POLICY, EMAIL_QUEUE_NAME, EmailProducer, type Email } from '../src/infrastructure/queue/email.producer.js';
import { redisPrefix, redisUrl } from './fixtures.js';

const NOW = new Date('2026-04-01T08:00:00.000Z');
const reset: Email = { kind: 'password-reset', to: 'ada@example.com', subject: 'Reset your password', body: 'Use this link: …' };
const welcome: Email = { kind: 'welcome', to: 'grace@example.com', subject: 'Welcome aboard', body: 'Hello Grace' };
const digest: Email = { kind: 'digest', to: 'alan@example.com', subject: 'Your week', body: '3 tasks completed' };

let connection: Redis;
let queue: Queue<Email>;
let producer: EmailProducer;
let run = 0;
let prefix = '';

beforeAll(() => {
  connection = new Redis(redisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await connection.quit();
});
beforeEach(() => {
  run += 1;
  prefix = `${redisPrefix()}:emails-${run}`; // every check gets an empty queue of its own
  queue = new Queue<Email>(EMAIL_QUEUE_NAME, { connection, prefix });
  producer = new EmailProducer(queue);
});
afterEach(async () => {
  await queue.close();
});

it('send() stores one job named after the kind, carrying the e-mail, and returns its id', async () => {
  const id = await producer.send(welcome, { now: NOW });
  expect(typeof id, 'send() must resolve to the job id').toBe('string');
  const job = await queue.getJob(id);
  expect(job, `no job with id "${id}" in the queue`).toBeDefined();
  expect(job?.name, 'job name').toBe('welcome');
  expect(job?.data, 'job data').toEqual(welcome);
  expect(await queue.count(), 'jobs in the queue').toBe(1);
});

it("every job gets its kind's attempts and exponential backoff starting at EMAIL_BACKOFF_MS", async () => {
  for (const email of [reset, welcome, digest]) {
    const job = await queue.getJob(await producer.send(email, { now: NOW }));
    expect(job?.opts.attempts, `attempts of a ${email.kind} job`).toBe(EMAIL_POLICY[email.kind].attempts);
    expect(job?.opts.backoff, `backoff of a ${email.kind} job`).toEqual({ type: 'exponential', delay: EMAIL_BACKOFF_MS });
  }
});

it('jobs carry the priority of their kind, so a worker takes the password reset before older mail', async () => {
  const ids = [await producer.send(digest, { now: NOW }), await producer.send(welcome, { now: NOW }), await producer.send(reset, { now: NOW })];
  for (const [i, email] of [digest, welcome, reset].entries()) {
    expect((await queue.getJob(ids[i] as string))?.opts.priority, `priority of the ${email.kind} job`).toBe(EMAIL_POLICY[email.kind].priority);
  }
  const order: string[] = [];
  const worker = new Worker<Email>(EMAIL_QUEUE_NAME, async (job) => void order.push(job.name), { connection: connection.duplicate(), prefix, concurrency: 1 });
  try {
    await expect.poll(() => order.length, { timeout: 5000, message: 'the worker should process all three e-mails' }).toBe(3);
  } finally {
    await worker.close();
  }
  expect(order, 'order in which one worker processed the jobs (queued: digest, welcome, reset)').toEqual(['password-reset', 'welcome', 'digest']);
});

it('sendAt in the future delays the job by the difference, and it waits in the delayed set', async () => {
  const job = await queue.getJob(await producer.send(digest, { now: NOW, sendAt: new Date(NOW.getTime() + 90_000) }));
  expect(job?.opts.delay, 'delay in ms for a digest due 90 s from now').toBe(90_000);
  expect(await job?.getState(), 'state of the job in Redis').toBe('delayed');
});

it('without sendAt, or with one in the past or exactly now, the job is sent at once (no delay)', async () => {
  for (const sendAt of [undefined, new Date(NOW.getTime() - 60_000), new Date(NOW)]) {
    const job = await queue.getJob(await producer.send(welcome, { now: NOW, sendAt }));
    expect(job?.opts.delay ?? 0, `delay with sendAt ${sendAt?.toISOString() ?? 'absent'}`).toBe(0);
    expect(await job?.getState(), 'state of the job in Redis').not.toBe('delayed');
  }
});

it('an invalid e-mail is rejected and nothing reaches the queue', async () => {
  const bad = { ...welcome, to: 'not-an-address' };
  const error = await producer.send(bad, { now: NOW }).then(() => undefined, (e: unknown) => e);
  expect(error, 'send() must reject an e-mail whose address is invalid').toBeInstanceOf(Error);
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
  expect(Object.values(counts).reduce((a, b) => a + b, 0), 'jobs in the queue after the rejected send').toBe(0);
});

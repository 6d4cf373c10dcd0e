import { Queue, type Job, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Notification } from '../src/application/ports/notification-queue.port.js';
import { createNotificationWorker, PermanentDeliveryError } from '../src/infrastructure/queue/notification.processor.js';
import { redisPrefix, redisUrl } from './fixtures.js';

const QUEUE = 'notifications';
const note: Notification = { kind: 'task.assigned', recipientId: 'u-bob', taskId: 't-1', subject: 'You were assigned "Docs"', body: 'Task "Docs" is now yours.' };
const retry = { attempts: 3, backoff: { type: 'fixed' as const, delay: 20 } };

let connection: Redis;
let run = 0;
let queue: Queue;
let workerConnection: Redis;
let worker: Worker<Notification> | undefined;
let sends: Notification[];
let errors: string[];
let behaviour: (n: Notification, attempt: number) => void;

beforeAll(() => {
  connection = new Redis(redisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await connection.quit();
});
beforeEach(async () => {
  const prefix = `${redisPrefix()}:proc-${++run}`;
  queue = new Queue(QUEUE, { connection, prefix });
  workerConnection = new Redis(redisUrl(), { maxRetriesPerRequest: null }); // the worker blocks on it
  sends = [];
  errors = [];
  behaviour = () => {};
  worker = createNotificationWorker({
    connection: workerConnection,
    prefix,
    queueName: QUEUE,
    sender: { send: async (n) => { sends.push(n); behaviour(n, sends.length); } },
    logger: { log: () => {}, error: (m) => void errors.push(m) },
  });
});
afterEach(async () => {
  await worker?.close();
  await queue.close();
  await workerConnection.quit();
});

/** Resolves when the job completed, or failed with no retry left. */
async function settled(job: Job): Promise<'completed' | 'failed'> {
  for (let i = 0; i < 300; i++) {
    const state = await job.getState();
    if (state === 'completed') return 'completed';
    if (state === 'failed') return 'failed';
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${job.id} did not settle in 6 s (state ${await job.getState()}): is the worker processing the "${QUEUE}" queue with the given prefix?`);
}
const afterEvents = () => new Promise((r) => setTimeout(r, 150)); // 'failed' listeners run just after the state changes

it('a valid job is delivered once and completes', async () => {
  const job = await queue.add('task.assigned', note, retry);
  expect(await settled(job)).toBe('completed');
  expect(sends).toEqual([note]);
  expect(errors, 'nothing is logged as an error for a delivered job').toEqual([]);
});

it('a transient error is retried with the job’s backoff until delivery succeeds, without an error log', async () => {
  behaviour = (_n, attempt) => { if (attempt < 3) throw new Error('SMTP 421 try again later'); };
  const job = await queue.add('task.assigned', note, retry);
  expect(await settled(job), 'two transient failures, then success on the third attempt').toBe('completed');
  expect(sends).toHaveLength(3);
  await afterEvents();
  expect(errors, 'intermediate failed attempts must not be logged as errors').toEqual([]);
});

it('a job that keeps failing uses all its attempts, then fails and is logged once with its id and last error', async () => {
  behaviour = () => { throw new Error('SMTP 421 try again later'); };
  const job = await queue.add('task.assigned', note, retry);
  expect(await settled(job)).toBe('failed');
  expect(sends, 'deliveries tried (attempts: 3)').toHaveLength(3);
  await afterEvents();
  expect(errors, 'error logs for one job that failed for good').toHaveLength(1);
  expect(errors[0], 'the log names the job id').toContain(String(job.id));
  expect(errors[0], 'the log names the reason: the sender’s last error').toContain('SMTP 421 try again later');
});

it('a job added without attempts has one attempt: a transient error fails it for good, logged once', async () => {
  behaviour = () => { throw new Error('SMTP 421 try again later'); };
  const job = await queue.add('task.assigned', note); // no attempts: BullMQ's default is 1
  expect(await settled(job)).toBe('failed');
  expect(sends, 'deliveries tried (no attempts option)').toHaveLength(1);
  await afterEvents();
  expect(errors, 'a job out of its single attempt has failed for good and is logged once').toHaveLength(1);
  expect(errors[0], 'the log names the job id').toContain(String(job.id));
});

it('a PermanentDeliveryError fails the job at once, without retries, logged once with its id and reason', async () => {
  behaviour = () => { throw new PermanentDeliveryError('mailbox u-bob does not exist'); };
  const job = await queue.add('task.assigned', note, { ...retry, attempts: 5 });
  expect(await settled(job)).toBe('failed');
  expect(sends, 'a permanent failure must not be retried').toHaveLength(1);
  await afterEvents();
  expect(errors).toHaveLength(1);
  expect(errors[0], 'the log names the reason').toContain('mailbox u-bob does not exist');
  expect(errors[0], 'the log names the job id').toContain(String(job.id));
});

it('a malformed job fails at once without calling the sender, logged once with its id', async () => {
  const job = await queue.add('task.assigned', { kind: 'task.assigned', recipientId: '', subject: 42 }, { ...retry, attempts: 5 });
  expect(await settled(job)).toBe('failed');
  expect(sends, 'the sender must not see a malformed job').toEqual([]);
  expect((await queue.getJob(String(job.id)))?.attemptsMade, 'attempts used on a malformed job').toBe(1);
  await afterEvents();
  expect(errors).toHaveLength(1);
  expect(errors[0], 'the log names the job id').toContain(String(job.id));
});

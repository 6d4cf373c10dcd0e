import { expect, it } from 'vitest';
import { TaskStatus } from '../src/domain/task/task-status.js';
import { taskCacheTtl } from '../src/infrastructure/cache/task-cache-ttl.js';

const now = new Date('2026-11-20T08:15:00.000Z');
const inMs = (ms: number) => new Date(now.getTime() + ms);
const r = (value: number) => () => value;
const ttl = (status: TaskStatus, dueDate: Date | null, random: number) => taskCacheTtl({ status, dueDate }, now, r(random));

it('taskCacheTtl() caches an open task (TODO, IN_PROGRESS) for 60 s at the middle of the jitter', () => {
  expect([ttl(TaskStatus.TODO, null, 0.5), ttl(TaskStatus.IN_PROGRESS, null, 0.5)]).toEqual([60, 60]);
});

it('taskCacheTtl() caches a completed task for 600 s at the middle of the jitter', () => {
  expect(ttl(TaskStatus.COMPLETED, null, 0.5)).toBe(600);
});

it('taskCacheTtl() multiplies the TTL by 0.9 + 0.2 × random() and rounds down to whole seconds', () => {
  expect([0, 0.25, 0.75, 0.9999].map((x) => ttl(TaskStatus.TODO, null, x))).toEqual([54, 57, 63, 65]);
  expect([0, 0.9999].map((x) => ttl(TaskStatus.COMPLETED, null, x))).toEqual([540, 659]);
});

it('taskCacheTtl() caches an open task no longer than until its due date, in seconds rounded up', () => {
  expect([10_000, 400, 44_001].map((ms) => ttl(TaskStatus.IN_PROGRESS, inMs(ms), 0.5))).toEqual([10, 1, 45]);
});

it('taskCacheTtl() limits by the due date only when it comes before the jittered TTL', () => {
  expect(ttl(TaskStatus.TODO, inMs(56_500), 0)).toBe(54);
  expect(ttl(TaskStatus.TODO, inMs(64_000), 0.9999)).toBe(64);
});

it('taskCacheTtl() ignores a due date that is now or already past', () => {
  expect([0, -1, -86_400_000].map((ms) => ttl(TaskStatus.TODO, inMs(ms), 0.5))).toEqual([60, 60, 60]);
});

it("taskCacheTtl() ignores a completed task's due date", () => {
  expect(ttl(TaskStatus.COMPLETED, inMs(5_000), 0.5)).toBe(600);
});

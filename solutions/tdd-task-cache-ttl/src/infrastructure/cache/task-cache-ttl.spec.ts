import { describe, expect, it } from 'vitest';
import { TaskStatus } from '../../domain/task/task-status.js';
import { taskCacheTtl } from './task-cache-ttl.js';

const now = new Date('2026-05-04T12:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const fixed = (value: number) => () => value;
const open = { status: TaskStatus.TODO, dueDate: null };

describe('taskCacheTtl', () => {
  it('caches an open task for 60 s when random() is 0.5 (no jitter)', () => {
    expect(taskCacheTtl(open, now, fixed(0.5))).toBe(60);
    expect(taskCacheTtl({ ...open, status: TaskStatus.IN_PROGRESS }, now, fixed(0.5))).toBe(60);
  });

  it('caches a completed task for 600 s when random() is 0.5', () => {
    expect(taskCacheTtl({ status: TaskStatus.COMPLETED, dueDate: null }, now, fixed(0.5))).toBe(600);
  });

  it('spreads the TTL from 90 % up to 110 % of it, rounded down', () => {
    expect(taskCacheTtl(open, now, fixed(0))).toBe(54);
    expect(taskCacheTtl(open, now, fixed(0.999))).toBe(65);
    expect(taskCacheTtl({ status: TaskStatus.COMPLETED, dueDate: null }, now, fixed(0))).toBe(540);
  });

  it('stops caching an open task at its due date, rounding the seconds up', () => {
    expect(taskCacheTtl({ ...open, dueDate: later(30_000) }, now, fixed(0.5))).toBe(30);
    expect(taskCacheTtl({ ...open, dueDate: later(1_500) }, now, fixed(0.5))).toBe(2);
  });

  it('compares the due date with the jittered TTL', () => {
    expect(taskCacheTtl({ ...open, dueDate: later(57_000) }, now, fixed(0))).toBe(54);
  });

  it('ignores a due date further away than the TTL, already past, or of a completed task', () => {
    expect(taskCacheTtl({ ...open, dueDate: later(3_600_000) }, now, fixed(0.5))).toBe(60);
    expect(taskCacheTtl({ ...open, dueDate: later(-5_000) }, now, fixed(0.5))).toBe(60);
    expect(taskCacheTtl({ ...open, dueDate: now }, now, fixed(0.5))).toBe(60);
    expect(taskCacheTtl({ status: TaskStatus.COMPLETED, dueDate: later(10_000) }, now, fixed(0.5))).toBe(600);
  });
});

import { expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { InMemoryEventStore, replay, type TaskHistoryEvent } from '../src/domain/task/task-event-stream.js';

const at = (d: number) => new Date(Date.UTC(2026, 2, d, 9)).toISOString();
const history: TaskHistoryEvent[] = [
  { type: 'created', taskId: 't-1', title: 'Draft the ADR', creatorId: 'u-alice', at: at(1) },
  { type: 'renamed', title: 'Draft ADR 7: event sourcing', at: at(2) },
  { type: 'assigned', assigneeId: 'u-bob', at: at(3) },
  { type: 'completed', at: at(4) },
  { type: 'reopened', at: at(5) },
];

function codeOf(fn: () => unknown): string {
  try { fn(); } catch (e) { expect(e, 'expected a DomainError').toBeInstanceOf(DomainError); return (e as DomainError).code; }
  return 'no error';
}

it('replay folds the whole history into the current state, with version and updatedAt', () => {
  expect(replay(history)).toEqual({ id: 't-1', title: 'Draft ADR 7: event sourcing', status: 'IN_PROGRESS', creatorId: 'u-alice', assigneeId: 'u-bob', version: 5, updatedAt: at(5) });
});

it('replaying a prefix shows the task as it was then (time travel)', () => {
  expect(replay(history.slice(0, 1))).toMatchObject({ title: 'Draft the ADR', status: 'TODO', assigneeId: null, version: 1, updatedAt: at(1) });
  expect(replay(history.slice(0, 4))).toMatchObject({ status: 'COMPLETED', assigneeId: 'u-bob', version: 4 });
});

it('reopening an unassigned completed task gives TODO', () => {
  const events: TaskHistoryEvent[] = [history[0]!, { type: 'completed', at: at(2) }, { type: 'reopened', at: at(3) }];
  expect(replay(events)).toMatchObject({ status: 'TODO', assigneeId: null, version: 3 });
});

it('an empty stream, one not starting with created, or one with a second created is STREAM.CORRUPT', () => {
  expect(codeOf(() => replay([]))).toBe('STREAM.CORRUPT');
  expect(codeOf(() => replay(history.slice(1)))).toBe('STREAM.CORRUPT');
  expect(codeOf(() => replay([...history, history[0]!]))).toBe('STREAM.CORRUPT');
});

it('append at the expected version returns the new version; read returns the events in order', () => {
  const store = new InMemoryEventStore();
  expect(store.read('t-1')).toEqual([]);
  expect(store.append('t-1', 0, history.slice(0, 2))).toBe(2);
  expect(store.append('t-1', 2, history.slice(2))).toBe(5);
  expect(replay(store.read('t-1'))).toEqual(replay(history));
});

it('two writers at the same version: the second gets STREAM.VERSION_CONFLICT and nothing of it is stored', () => {
  const store = new InMemoryEventStore();
  store.append('t-1', 0, history.slice(0, 3));
  const seenByBoth = store.read('t-1').length;
  store.append('t-1', seenByBoth, [{ type: 'completed', at: at(4) }]);
  expect(codeOf(() => store.append('t-1', seenByBoth, [{ type: 'renamed', title: 'Lost update', at: at(4) }]))).toBe('STREAM.VERSION_CONFLICT');
  expect(codeOf(() => store.append('t-1', 99, [{ type: 'completed', at: at(4) }]))).toBe('STREAM.VERSION_CONFLICT');
  expect(store.read('t-1')).toHaveLength(4);
  expect(replay(store.read('t-1')).title).toBe('Draft ADR 7: event sourcing');
});

it('history cannot be rewritten through what read() returned', () => {
  const store = new InMemoryEventStore();
  store.append('t-1', 0, history);
  const events = store.read('t-1');
  events.pop();
  (events[0] as { title: string }).title = 'Rewritten';
  expect(store.read('t-1')).toHaveLength(5);
  expect(replay(store.read('t-1')).version).toBe(5);
  expect((store.read('t-1')[0] as { title: string }).title).toBe('Draft the ADR');
});

it('updatedAt is the at of the last event, even when an earlier event carries a later time', () => {
  // Clocks of two writers can disagree: the stream order, not the timestamp, says what happened last.
  const events: TaskHistoryEvent[] = [history[0]!, { type: 'renamed', title: 'Late clock', at: at(9) }, { type: 'completed', at: at(3) }];
  expect(replay(events)).toMatchObject({ status: 'COMPLETED', version: 3, updatedAt: at(3) });
});

it('each stream has its own version: writing one stream does not move another', () => {
  const store = new InMemoryEventStore();
  expect(store.append('t-1', 0, history)).toBe(5);
  const other: TaskHistoryEvent = { type: 'created', taskId: 't-2', title: 'Other', creatorId: 'u-bob', at: at(6) };
  expect(store.append('t-2', 0, [other]), 'a new stream t-2 starts at version 0 whatever t-1 holds').toBe(1);
  expect(codeOf(() => store.append('t-3', 1, [other])), 'a stream that does not exist yet is at version 0').toBe('STREAM.VERSION_CONFLICT');
  expect(store.read('t-3')).toEqual([]);
  expect(store.read('t-2')).toEqual([other]);
  expect(store.read('t-1')).toHaveLength(5);
});

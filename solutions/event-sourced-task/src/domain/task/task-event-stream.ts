import { DomainError } from '../shared/domain-error.js';
import type { TaskStatus } from './task-status.js';

export type TaskHistoryEvent =
  | { type: 'created'; taskId: string; title: string; creatorId: string; at: string }
  | { type: 'renamed'; title: string; at: string }
  | { type: 'assigned'; assigneeId: string; at: string }
  | { type: 'completed'; at: string }
  | { type: 'reopened'; at: string };

export interface TaskSnapshot {
  id: string;
  title: string;
  status: TaskStatus;
  creatorId: string;
  assigneeId: string | null;
  /** Number of events applied. */
  version: number;
  updatedAt: string;
}

function corrupt(reason: string): DomainError {
  return new DomainError('STREAM.CORRUPT', `Impossible task history: ${reason}.`);
}

/** One later event applied to the state so far. */
function apply(state: TaskSnapshot, event: TaskHistoryEvent): TaskSnapshot {
  const next = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'created':
      throw corrupt(`a second created event at position ${state.version + 1}`);
    case 'renamed':
      return { ...next, title: event.title };
    case 'assigned':
      return { ...next, status: 'IN_PROGRESS', assigneeId: event.assigneeId };
    case 'completed':
      return { ...next, status: 'COMPLETED' };
    case 'reopened':
      return { ...next, status: state.assigneeId === null ? 'TODO' : 'IN_PROGRESS' };
  }
}

/** The task as its events left it; throws STREAM.CORRUPT for an impossible history. */
export function replay(events: readonly TaskHistoryEvent[]): TaskSnapshot {
  const [first, ...rest] = events;
  if (!first) throw corrupt('the stream is empty');
  if (first.type !== 'created') throw corrupt(`it starts with ${first.type}, not created`);
  const start: TaskSnapshot = { id: first.taskId, title: first.title, status: 'TODO', creatorId: first.creatorId, assigneeId: null, version: 1, updatedAt: first.at };
  return rest.reduce(apply, start);
}

/** Event streams in memory, with optimistic concurrency on append. */
export class InMemoryEventStore {
  private readonly streams = new Map<string, TaskHistoryEvent[]>();

  read(streamId: string): TaskHistoryEvent[] {
    // Copies: history cannot be rewritten through what a caller read.
    return (this.streams.get(streamId) ?? []).map((e) => ({ ...e }));
  }

  append(streamId: string, expectedVersion: number, events: readonly TaskHistoryEvent[]): number {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion) {
      throw new DomainError(
        'STREAM.VERSION_CONFLICT',
        `Stream ${streamId} is at version ${stream.length}, not ${expectedVersion}: someone else wrote first; read it again and retry.`,
      );
    }
    this.streams.set(streamId, [...stream, ...events.map((e) => ({ ...e }))]);
    return stream.length + events.length;
  }
}

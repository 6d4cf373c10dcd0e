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

/** The task as its events left it; throws STREAM.CORRUPT for an impossible history. */
export function replay(events: readonly TaskHistoryEvent[]): TaskSnapshot {
  // TODO: only looks at the first event.
  const first = events[0];
  if (!first || first.type !== 'created') throw new DomainError('STREAM.CORRUPT', 'A task stream starts with created.');
  return { id: first.taskId, title: first.title, status: 'TODO', creatorId: first.creatorId, assigneeId: null, version: 1, updatedAt: first.at };
}

/** Event streams in memory, with optimistic concurrency on append. */
export class InMemoryEventStore {
  private readonly streams = new Map<string, TaskHistoryEvent[]>();

  read(streamId: string): TaskHistoryEvent[] {
    return this.streams.get(streamId) ?? [];
  }

  append(streamId: string, expectedVersion: number, events: readonly TaskHistoryEvent[]): number {
    // TODO: the expected version is ignored — the last writer silently wins.
    const stream = this.streams.get(streamId) ?? [];
    stream.push(...events);
    this.streams.set(streamId, stream);
    return stream.length;
  }
}

import type { TaskView } from '../task-view.js';

export type RealtimeTaskEventName = 'task:created' | 'task:updated' | 'task:completed' | 'task:deleted';

/**
 * Pushes task changes to connected clients. The adapter (socket.io gateway) decides the rooms;
 * `audience` lists the users allowed to see the task besides mentors and admins.
 */
export interface RealtimeBroadcaster {
  broadcast(event: RealtimeTaskEventName, task: TaskView, audience: string[]): void;
}

export const REALTIME_BROADCASTER = Symbol('REALTIME_BROADCASTER');

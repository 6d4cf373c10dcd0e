import { Inject, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { confirmActor } from '../../application/auth/confirm-actor.js';
import { GetTaskQuery } from '../../application/queries/get-task.query.js';
import type { RealtimeBroadcaster, RealtimeTaskEventName } from '../../application/ports/realtime-broadcaster.port.js';
import { TOKEN_SERVICE, type TokenService } from '../../application/ports/token-service.port.js';
import type { TaskView } from '../../application/task-view.js';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { canSeeTask } from '../../domain/task/task-access.policy.js';
import type { Actor } from '../../domain/user/actor.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';

interface SocketData {
  actor: Actor;
}
type TaskSocket = Socket<Record<string, never>, Record<string, (task: TaskView) => void>, Record<string, never>, SocketData>;

export type SubscribeAck = { ok: true; taskId: string } | { ok: false; code: string; message: string };

const subscribeSchema = z.object({ taskId: z.uuid() });

export const userRoom = (userId: string) => `user:${userId}`;
export const taskRoom = (taskId: string) => `task:${taskId}`;

/**
 * Real-time task events over socket.io, on the HTTP server's port.
 * - The JWT is checked in the handshake (`auth: { token }`); a bad one never connects.
 * - Every socket joins its user's room: creators and assignees hear about their tasks.
 * - `task:subscribe` joins a task's room (mentors following a task), after the same visibility
 *   check as GET /tasks/:id; delivery re-checks it, since an assignee may have changed since.
 */
@WebSocketGateway({ cors: { origin: true } })
export class TasksGateway implements OnGatewayInit<Server>, RealtimeBroadcaster {
  private readonly logger = new Logger(TasksGateway.name);
  @WebSocketServer() private server: Server | undefined;

  constructor(
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      void this.authenticate(socket as TaskSocket).then((actor) => {
        if (!actor) {
          next(new Error('Unauthorized: pass a valid access token as auth.token when connecting.'));
          return;
        }
        (socket as TaskSocket).data.actor = actor;
        void socket.join(userRoom(actor.id));
        next();
      });
    });
  }

  @SubscribeMessage('task:subscribe')
  async subscribe(@ConnectedSocket() socket: TaskSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const parsed = subscribeSchema.safeParse(body);
    if (!parsed.success) {
      return { ok: false, code: 'VALIDATION.FAILED', message: 'task:subscribe expects { taskId: <uuid> }.' };
    }
    const { taskId } = parsed.data;
    try {
      await this.queries.execute(new GetTaskQuery(taskId, socket.data.actor)); // throws when not allowed
    } catch (error) {
      if (isDomainError(error)) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
    await socket.join(taskRoom(taskId));
    return { ok: true, taskId };
  }

  @SubscribeMessage('task:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: TaskSocket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const parsed = subscribeSchema.safeParse(body);
    if (parsed.success) await socket.leave(taskRoom(parsed.data.taskId));
    return { ok: parsed.success };
  }

  broadcast(event: RealtimeTaskEventName, task: TaskView, audience: string[]): void {
    void this.deliver(event, task, audience).catch((error: unknown) =>
      this.logger.error(`Could not deliver ${event} for task ${task.id}: ${String(error)}`),
    );
  }

  private async deliver(event: RealtimeTaskEventName, task: TaskView, audience: string[]): Promise<void> {
    const server = this.server;
    if (!server) return; // no WebSocket server (e.g. an application test without HTTP)
    const sockets = await server.in([...audience.map(userRoom), taskRoom(task.id)]).fetchSockets();
    for (const socket of sockets) {
      const actor = (socket.data as Partial<SocketData>).actor;
      if (actor && canSeeTask(task, actor)) socket.emit(event, task);
    }
  }

  /** The token's actor, confirmed against the users table (a demoted user's old token is refused). */
  private async authenticate(socket: TaskSocket): Promise<Actor | null> {
    const auth = socket.handshake.auth as { token?: unknown };
    const header = socket.handshake.headers.authorization;
    const token = typeof auth.token === 'string' ? auth.token : header?.replace(/^Bearer\s+/i, '');
    if (!token) return null;
    try {
      return await confirmActor(this.users, this.tokens.verify(token));
    } catch (error) {
      if (!isDomainError(error)) this.logger.error(`WebSocket authentication failed: ${(error as Error).message}`);
      return null;
    }
  }
}

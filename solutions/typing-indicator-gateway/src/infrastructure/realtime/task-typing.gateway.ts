import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { CLOCK, type Clock } from '../../application/ports/clock.port.js';
import { TOKEN_SERVICE, type TokenService } from '../../application/ports/token-service.port.js';
import { canSeeTask } from '../../domain/task/task-access.policy.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import type { Actor } from '../../domain/user/actor.js';

export const TYPING_THROTTLE_MS = 1000;
export const typingRoom = (taskId: string) => `typing:${taskId}`;

export type JoinAck = { ok: true } | { ok: false; code: string };
export type TypingAck = { ok: true; sent: boolean } | { ok: false; code: string };

type TypingSocket = Socket & { data: { actor: Actor } };

const roomMessage = z.object({ taskId: z.string().min(1) });

/** Typing indicators in per-task rooms: joined only after the visibility check, throttled per user. */
@WebSocketGateway({ cors: { origin: true } })
export class TaskTypingGateway implements OnGatewayInit<Server> {
  /** `${userId}:${taskId}` → time of the last broadcast. */
  private readonly lastSent = new Map<string, number>();

  constructor(
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Done for you: a socket without a valid token never connects. */
  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      try {
        if (typeof token !== 'string') throw new Error('no token');
        (socket as TypingSocket).data.actor = this.tokens.verify(token);
        next();
      } catch {
        next(new Error('Unauthorized: pass a valid access token as auth.token when connecting.'));
      }
    });
  }

  @SubscribeMessage('task:join')
  async join(@ConnectedSocket() socket: TypingSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const parsed = roomMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'VALIDATION.FAILED' };
    const task = await this.tasks.findById(parsed.data.taskId);
    if (!task) return { ok: false, code: 'TASK.NOT_FOUND' };
    if (!canSeeTask(task, socket.data.actor)) return { ok: false, code: 'TASK.FORBIDDEN' };
    await socket.join(typingRoom(task.id));
    return { ok: true };
  }

  @SubscribeMessage('task:typing')
  typing(@ConnectedSocket() socket: TypingSocket, @MessageBody() body: unknown): TypingAck {
    const parsed = roomMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'VALIDATION.FAILED' };
    const { taskId } = parsed.data;
    if (!socket.rooms.has(typingRoom(taskId))) return { ok: false, code: 'ROOM.NOT_JOINED' };
    // The identity comes from the handshake; a userId in the body is ignored.
    const userId = socket.data.actor.id;
    const key = `${userId}:${taskId}`;
    const now = this.clock.now().getTime();
    const last = this.lastSent.get(key);
    if (last !== undefined && now - last < TYPING_THROTTLE_MS) return { ok: true, sent: false };
    this.lastSent.set(key, now);
    socket.to(typingRoom(taskId)).emit('task:typing', { taskId, userId });
    return { ok: true, sent: true };
  }
}

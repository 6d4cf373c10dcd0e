import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { CLOCK, type Clock } from '../../application/ports/clock.port.js';
import { TOKEN_SERVICE, type TokenService } from '../../application/ports/token-service.port.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import type { Actor } from '../../domain/user/actor.js';

export const TYPING_THROTTLE_MS = 1000;
export const typingRoom = (taskId: string) => `typing:${taskId}`;

export type JoinAck = { ok: true } | { ok: false; code: string };
export type TypingAck = { ok: true; sent: boolean } | { ok: false; code: string };

type TypingSocket = Socket & { data: { actor: Actor } };

@WebSocketGateway({ cors: { origin: true } })
export class TaskTypingGateway implements OnGatewayInit<Server> {
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
  async join(@ConnectedSocket() socket: TypingSocket, @MessageBody() body: { taskId: string }): Promise<JoinAck> {
    // TODO: anyone can join any room.
    await socket.join(typingRoom(body.taskId));
    return { ok: true };
  }

  @SubscribeMessage('task:typing')
  typing(@ConnectedSocket() socket: TypingSocket, @MessageBody() body: { taskId: string; userId: string }): TypingAck {
    // TODO: no room check, no throttle, and the user id comes from the client.
    socket.to(typingRoom(body.taskId)).emit('task:typing', { taskId: body.taskId, userId: body.userId });
    return { ok: true, sent: true };
  }
}

import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { TaskBroadcast, TaskEvent, TokenService } from '../app/ports.js';
import type { Task } from '../core/task.js';

const room = (userId: string) => `member:${userId}`;

/** socket.io on the HTTP server: a token at the handshake, one room per member. */
export class SocketBroadcast implements TaskBroadcast {
  private io: Server | undefined;

  attach(http: HttpServer, tokens: TokenService): void {
    const io = new Server(http, { serveClient: false });
    io.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.['token'];
      const userId = typeof token === 'string' ? tokens.verify(token) : undefined;
      if (!userId) return next(new Error('AUTH.UNAUTHENTICATED: send a valid access token as auth.token'));
      socket.data.userId = userId;
      next();
    });
    io.on('connection', (socket) => {
      void socket.join(room(socket.data.userId as string));
    });
    this.io = io;
  }

  announce(event: TaskEvent, task: Task, to: string[]): void {
    this.io?.to(to.map(room)).emit(event, task);
  }

  async close(): Promise<void> {
    await this.io?.close();
  }
}

import type { Socket } from 'socket.io';
import type { TokenService } from '../../application/ports/token-service.port.js';

export type SocketMiddleware = (socket: Socket, next: (error?: Error) => void) => void;

/** io.use(authenticateSockets(tokens)): a valid token to connect, disconnected when it expires. */
export function authenticateSockets(tokens: TokenService, options: { now?: () => number } = {}): SocketMiddleware {
  return (socket, next) => {
    // TODO: lets everyone in, and nobody is ever disconnected.
    const token = (socket.handshake.auth as { token?: string }).token;
    try {
      if (token) socket.data.actor = tokens.verify(token);
    } catch {
      // an invalid token is silently ignored
    }
    next();
  };
}

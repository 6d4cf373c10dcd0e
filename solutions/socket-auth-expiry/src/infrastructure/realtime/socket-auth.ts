import jwt from 'jsonwebtoken';
import type { Socket } from 'socket.io';
import type { TokenService } from '../../application/ports/token-service.port.js';

export type SocketMiddleware = (socket: Socket, next: (error?: Error) => void) => void;

function tokenOf(socket: Socket): string | undefined {
  const fromAuth = (socket.handshake.auth as { token?: unknown }).token;
  if (typeof fromAuth === 'string' && fromAuth !== '') return fromAuth;
  return /^Bearer\s+(\S+)$/i.exec(socket.handshake.headers.authorization ?? '')?.[1];
}

/** io.use(authenticateSockets(tokens)): a valid token to connect, disconnected when it expires. */
export function authenticateSockets(tokens: TokenService, options: { now?: () => number } = {}): SocketMiddleware {
  const now = options.now ?? Date.now;
  return (socket, next) => {
    const token = tokenOf(socket);
    if (!token) {
      next(new Error('Unauthorized: connect with auth: { token } or an Authorization: Bearer header.'));
      return;
    }
    try {
      socket.data.actor = tokens.verify(token);
    } catch {
      next(new Error('Unauthorized: the access token is invalid or expired; log in again.'));
      return;
    }
    // The handshake was the only check: end the connection when the token stops being valid.
    const exp = (jwt.decode(token) as jwt.JwtPayload | null)?.exp;
    if (typeof exp === 'number') {
      const timer = setTimeout(() => {
        socket.emit('session:expired', { reason: 'The access token expired; log in again.' });
        socket.disconnect(true);
      }, Math.max(0, exp * 1000 - now()));
      timer.unref();
      socket.on('disconnect', () => clearTimeout(timer));
    }
    next();
  };
}

import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import type { PasswordHasher, TokenService } from '../app/ports.js';

export const bcryptHasher = (rounds = 10): PasswordHasher => ({
  hash: (plain) => bcrypt.hash(plain, rounds),
  matches: (plain, hash) => bcrypt.compare(plain, hash),
});

export function hmacTokens(secret: string, lifetimeSeconds = 3600): TokenService {
  return {
    issue: (userId) => jwt.sign({}, secret, { subject: userId, expiresIn: lifetimeSeconds, algorithm: 'HS256' }),
    verify: (token) => {
      try {
        const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
        return typeof claims === 'object' && typeof claims.sub === 'string' ? claims.sub : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

import bcrypt from 'bcryptjs';
import type { PasswordHasher } from '../../application/ports/password-hasher.port.js';

/** bcrypt via bcryptjs (pure JavaScript: no native build step for interns to debug). */
export class BcryptPasswordHasher implements PasswordHasher {
  /** `cost` is the log2 of the work factor: 10 takes ~60 ms per hash here, enough to slow guessing. */
  constructor(private readonly cost = 10) {}

  hash(plain: string): Promise<string> {
    return bcrypt.hash(plain, this.cost);
  }

  verify(plain: string, hash: string): Promise<boolean> {
    return bcrypt.compare(plain, hash);
  }
}

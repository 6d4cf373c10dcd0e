import { Command } from '@nestjs/cqrs';
import type { PublicUser } from '../../domain/user/user.entity.js';
import type { UserRole } from '../../domain/user/user-role.js';

/** Create an account. The HTTP endpoint always registers members; other roles are seeded. */
export class RegisterUserCommand extends Command<PublicUser> {
  constructor(
    readonly email: string,
    readonly name: string,
    readonly password: string,
    readonly role?: UserRole | undefined,
  ) {
    super();
  }
}

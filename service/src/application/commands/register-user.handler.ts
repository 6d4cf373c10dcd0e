import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { User, type PublicUser } from '../../domain/user/user.entity.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../ports/password-hasher.port.js';
import { RegisterUserCommand } from './register-user.command.js';

export const PASSWORD_MIN_LENGTH = 8;

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ email, name, password, role }: RegisterUserCommand): Promise<PublicUser> {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw new DomainError('USER.WEAK_PASSWORD', `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
    }
    if (await this.users.findByEmail(email.trim().toLowerCase())) {
      throw new DomainError('USER.EMAIL_TAKEN', `An account for ${email} already exists.`);
    }
    const passwordHash = await this.hasher.hash(password);
    const user = User.create({ email, name, passwordHash, role, now: this.clock.now() });
    // The unique index on email still guards the race between the check above and this save.
    await this.users.save(user);
    return user.toJSON();
  }
}

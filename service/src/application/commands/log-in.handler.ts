import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../ports/password-hasher.port.js';
import { TOKEN_SERVICE, type TokenService } from '../ports/token-service.port.js';
import { LogInCommand } from './log-in.command.js';

// Hashed once so an unknown email costs as much time as a wrong password: the response time
// must not reveal which emails have accounts.
const NO_SUCH_USER_HASH = '$2b$10$TBtEiU95gsiZWh2DlMEr0OfwgffgTovyK3/lMLgwEJ79A0svFYf7W';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  async execute({ email, password }: LogInCommand): Promise<{ accessToken: string }> {
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    const matches = await this.hasher.verify(password, user?.passwordHash ?? NO_SUCH_USER_HASH);
    if (!user || !matches) {
      // One message for both cases, for the same reason as the dummy hash above.
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    return { accessToken: this.tokens.sign({ id: user.id, role: user.role }) };
  }
}

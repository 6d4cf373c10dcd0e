import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../ports/password-hasher.port.js';
import { TOKEN_SERVICE, type TokenService } from '../ports/token-service.port.js';
import { LogInCommand } from './log-in.command.js';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  // An unknown email is checked against this hash (made once, with the same hasher and cost as
  // real ones) so it takes as long as a wrong password: timing must not reveal who has an account.
  private noSuchUserHash: Promise<string> | undefined;

  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  async execute({ email, password }: LogInCommand): Promise<{ accessToken: string }> {
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    this.noSuchUserHash ??= this.hasher.hash('no such user');
    const matches = await this.hasher.verify(password, user?.passwordHash ?? (await this.noSuchUserHash));
    if (!user || !matches) {
      // One message for both cases, for the same reason as the dummy hash above.
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    return { accessToken: this.tokens.sign({ id: user.id, role: user.role }) };
  }
}

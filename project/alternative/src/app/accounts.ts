import { randomUUID } from 'node:crypto';
import { type Account, publicAccount } from '../core/account.js';
import { problems } from '../core/problem.js';
import type { AccountStore, PasswordHasher, TokenService } from './ports.js';

export interface Registration {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

export class AccountUseCases {
  constructor(
    private readonly store: AccountStore,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(input: Registration): Promise<Account> {
    const account = {
      id: randomUUID(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: await this.hasher.hash(input.password),
      createdAt: this.now().toISOString(),
    };
    if ((await this.store.insert(account)) === 'email-taken') throw problems.emailTaken();
    return publicAccount(account);
  }

  async logIn(email: string, password: string): Promise<{ accessToken: string }> {
    const account = await this.store.byEmail(email.trim().toLowerCase());
    if (!account || !(await this.hasher.matches(password, account.passwordHash))) throw problems.badCredentials();
    return { accessToken: this.tokens.issue(account.id) };
  }
}

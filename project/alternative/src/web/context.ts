import type { AccountUseCases } from '../app/accounts.js';
import type { TokenService } from '../app/ports.js';
import type { TaskCommands, TaskQueries } from '../app/tasks.js';

/** Everything the HTTP layer calls, built once by the composition root (src/server.ts). */
export interface Context {
  readonly accounts: AccountUseCases;
  readonly commands: TaskCommands;
  readonly queries: TaskQueries;
  readonly tokens: TokenService;
  readonly health: () => Promise<Record<string, 'up' | 'down' | 'not used'>>;
}

export const CONTEXT = Symbol('Context');

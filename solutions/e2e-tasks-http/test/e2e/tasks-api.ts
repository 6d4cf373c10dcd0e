import type { INestApplication } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { APPLICATION_HANDLERS } from '../../src/application/handlers.js';
import { AUDIT_LOG } from '../../src/application/ports/audit-log.port.js';
import { CACHE } from '../../src/application/ports/cache.port.js';
import { CLOCK, systemClock } from '../../src/application/ports/clock.port.js';
import { NOTIFICATION_QUEUE } from '../../src/application/ports/notification-queue.port.js';
import { PASSWORD_HASHER } from '../../src/application/ports/password-hasher.port.js';
import { REALTIME_BROADCASTER } from '../../src/application/ports/realtime-broadcaster.port.js';
import { TOKEN_SERVICE } from '../../src/application/ports/token-service.port.js';
import { TASK_REPOSITORY } from '../../src/domain/task/task.repository.js';
import type { Actor } from '../../src/domain/user/actor.js';
import { User } from '../../src/domain/user/user.entity.js';
import { USER_REPOSITORY } from '../../src/domain/user/user.repository.js';
import { InMemoryAuditLog } from '../../src/infrastructure/audit/in-memory.audit-log.js';
import { InMemoryCache } from '../../src/infrastructure/cache/in-memory.cache.js';
import { InMemoryTaskRepository } from '../../src/infrastructure/persistence/in-memory-task.repository.js';
import { InMemoryUserRepository } from '../../src/infrastructure/persistence/in-memory-user.repository.js';
import { BcryptPasswordHasher } from '../../src/infrastructure/security/bcrypt.password-hasher.js';
import { JwtTokenService } from '../../src/infrastructure/security/jwt.token-service.js';
import { ErrorFilter } from '../../src/presentation/http/error.filter.js';
import { TasksController } from '../../src/presentation/http/tasks.controller.js';

// A small Nest app: the real tasks controller, guards, pipes, handlers and error filter, with
// in-memory adapters instead of PostgreSQL and Redis, so it boots in a fraction of a second.
const tokens = new JwtTokenService('e2e-tasks-http-secret-of-enough-length');

// The guard confirms a token's user and role against the users table; every actor bearer() signs
// for is such a user, so a test can act as any { id, role } without registering it first.
const signedIn = new Map<string, Actor>();
class SignedInUsers extends InMemoryUserRepository {
  override async findById(id: string): Promise<User | null> {
    const known = await super.findById(id);
    const actor = signedIn.get(id);
    if (known || !actor) return known;
    const createdAt = new Date('2026-01-01T00:00:00Z');
    return User.restore({ id, email: `${id}@example.com`, name: id, role: actor.role, passwordHash: 'not-used', createdAt });
  }
}

export async function startTasksApi(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    controllers: [TasksController],
    providers: [
      ...APPLICATION_HANDLERS,
      { provide: TASK_REPOSITORY, useValue: new InMemoryTaskRepository() },
      { provide: USER_REPOSITORY, useValue: new SignedInUsers() },
      { provide: CACHE, useValue: new InMemoryCache() },
      { provide: CLOCK, useValue: systemClock },
      { provide: AUDIT_LOG, useValue: new InMemoryAuditLog() },
      { provide: PASSWORD_HASHER, useValue: new BcryptPasswordHasher(4) },
      { provide: TOKEN_SERVICE, useValue: tokens },
      { provide: NOTIFICATION_QUEUE, useValue: { enqueue: async () => {} } },
      { provide: REALTIME_BROADCASTER, useValue: { broadcast: () => {} } },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new ErrorFilter());
  await app.init();
  return app;
}

/** The Authorization header of a signed-in user. */
export const bearer = (actor: Actor) => {
  signedIn.set(actor.id, actor);
  return { Authorization: `Bearer ${tokens.sign(actor)}` };
};
export const alice: Actor = { id: 'u-alice', role: 'MEMBER' };
export const bob: Actor = { id: 'u-bob', role: 'MEMBER' };

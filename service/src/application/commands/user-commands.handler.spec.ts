import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicationHarness, type ApplicationHarness } from '../../../test/fixtures/application-harness.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { JwtTokenService } from '../../infrastructure/security/jwt.token-service.js';
import { LogInCommand } from './log-in.command.js';
import { RegisterUserCommand } from './register-user.command.js';

let app: ApplicationHarness;
beforeEach(async () => {
  app = await createApplicationHarness();
});
afterEach(() => app.close());

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

describe('RegisterUserHandler', () => {
  it('stores a bcrypt hash, never the password, and returns the public user', async () => {
    const user = await app.commandBus.execute(new RegisterUserCommand('Ada@Example.com', 'Ada', 'long password'));
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'MEMBER' });
    expect(user).not.toHaveProperty('passwordHash');
    const stored = await app.users.findById(user.id);
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(stored?.passwordHash).not.toContain('long password');
  });

  it('rejects a taken email (any case) and a short password', async () => {
    await app.commandBus.execute(new RegisterUserCommand('ada@example.com', 'Ada', 'long password'));
    expect(await codeOf(app.commandBus.execute(new RegisterUserCommand('ADA@example.com', 'Ada 2', 'long password')))).toBe('USER.EMAIL_TAKEN');
    expect(await codeOf(app.commandBus.execute(new RegisterUserCommand('bo@example.com', 'Bo', 'short')))).toBe('USER.WEAK_PASSWORD');
  });
});

describe('LogInHandler', () => {
  it('issues a token for the right password and the same error for a wrong password or unknown email', async () => {
    const user = await app.commandBus.execute(new RegisterUserCommand('ada@example.com', 'Ada', 'long password', 'MENTOR'));
    const { accessToken } = await app.commandBus.execute(new LogInCommand(' ADA@example.com ', 'long password'));
    expect(new JwtTokenService('test-secret-of-sufficient-length').verify(accessToken)).toEqual({ id: user.id, role: 'MENTOR' });
    expect(await codeOf(app.commandBus.execute(new LogInCommand('ada@example.com', 'wrong password')))).toBe('AUTH.INVALID_CREDENTIALS');
    expect(await codeOf(app.commandBus.execute(new LogInCommand('ghost@example.com', 'long password')))).toBe('AUTH.INVALID_CREDENTIALS');
  });
});

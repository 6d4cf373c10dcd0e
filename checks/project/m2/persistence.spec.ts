// Milestone 2, persistence: accounts and tasks live in PostgreSQL (DATABASE_URL), so they survive
// a restart of the service; the sandbox's /tmp does not, and its folder is read-only.
import { describe, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, contract, expectStatus } from '../helpers/client.ts';
import { restartService } from '../helpers/realtime.ts';

describe('M2 persistence', () => {
  // A restart starts the whole service again: allow for a slow machine.
  it('accounts and tasks survive a restart of the service (stored in the DATABASE_URL PostgreSQL)', { timeout: 180_000 }, async () => {
    const email = `keep-${randomUUID().slice(0, 8)}@example.com`;
    const password = 'correct horse battery';
    expectStatus(await call('POST', '/auth/register', { body: { email, name: 'Keeper', password } }), 201);
    const login = await call('POST', '/auth/login', { body: { email, password } });
    expectStatus(login, 200);
    const created = await call('POST', '/tasks', { token: login.body.accessToken, body: { title: 'Survive the restart' } });
    expectStatus(created, 201);
    await restartService();
    const again = await call('POST', '/auth/login', { body: { email, password } });
    expectStatus(again, 200, undefined, 'after a restart (the account must still exist)');
    const read = await call('GET', `/tasks/${created.body.id}`, { token: again.body.accessToken });
    expectStatus(read, 200, undefined, 'after a restart (the task must still exist)');
    contract(read.body?.title === 'Survive the restart', `GET /tasks/${created.body.id} after a restart answered ${read.text}; the contract says the task is kept as it was.`);
  });
});

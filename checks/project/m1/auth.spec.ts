// Milestone 1, accounts: register, log in, and the bearer token every /tasks route requires.
import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { call, contract, expectStatus, forgeries, isUuid } from '../helpers/client.ts';

const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
const password = 'correct horse battery';
/** Ada's token from the login check, re-used by the forged-token check (the suite stays under /auth's rate limit). */
let accessToken: string | undefined;

describe('M1 accounts', () => {
  it('POST /auth/register answers 201 with the new user: id, email and name, never the password', async () => {
    const answer = await call('POST', '/auth/register', { body: { email, name: 'Ada', password } });
    expectStatus(answer, 201);
    contract(isUuid(answer.body?.id), `POST /auth/register answered ${answer.text}; the contract says the user has a UUID "id".`);
    contract(answer.body.email === email && answer.body.name === 'Ada', `POST /auth/register answered ${answer.text}; the contract says it returns the email and name it was given.`);
    const leaked = Object.keys(answer.body).filter((key) => /password/i.test(key));
    contract(leaked.length === 0, `POST /auth/register answered a user with ${leaked.join(', ')}; the contract says a user never carries the password or its hash.`);
  });

  it('POST /auth/register with an email already registered answers 409 USER.EMAIL_TAKEN', async () => {
    const again = await call('POST', '/auth/register', { body: { email, name: 'Ada again', password } });
    expectStatus(again, 409, 'USER.EMAIL_TAKEN', '(an email that is already registered)');
  });

  it('POST /auth/register with an invalid email or a password under 8 characters answers 400', async () => {
    const badEmail = await call('POST', '/auth/register', { body: { email: 'not-an-email', name: 'Bob', password } });
    expectStatus(badEmail, 400, undefined, '(email "not-an-email")');
    const shortPassword = await call('POST', '/auth/register', { body: { email: `b-${email}`, name: 'Bob', password: 'short' } });
    expectStatus(shortPassword, 400, undefined, '(a 5-character password)');
  });

  it('POST /auth/login with the right password answers 200 { accessToken }', async () => {
    const answer = await call('POST', '/auth/login', { body: { email, password } });
    expectStatus(answer, 200);
    contract(typeof answer.body?.accessToken === 'string' && answer.body.accessToken.length > 0, `POST /auth/login answered ${answer.text}; the contract says { accessToken: "<JWT>" }.`);
    accessToken = answer.body.accessToken;
  });

  it('POST /auth/login with a wrong password answers 401 AUTH.INVALID_CREDENTIALS', async () => {
    const answer = await call('POST', '/auth/login', { body: { email, password: 'wrong password!' } });
    expectStatus(answer, 401, 'AUTH.INVALID_CREDENTIALS', '(a wrong password)');
  });

  it('/tasks without a token, or with a forged token, answers 401', async () => {
    expectStatus(await call('GET', '/tasks'), 401, undefined, '(no Authorization header)');
    expectStatus(await call('GET', '/tasks', { token: 'not.a.jwt' }), 401, undefined, '(Authorization: Bearer not.a.jwt)');
    // Ada's own claims re-signed with another secret, and unsigned: a service that only decodes the token lets them in.
    contract(accessToken, 'The set-up for this check failed: POST /auth/login gave no accessToken.');
    for (const [label, forged] of forgeries(accessToken)) expectStatus(await call('GET', '/tasks', { token: forged }), 401, undefined, `(${label})`);
  });
});

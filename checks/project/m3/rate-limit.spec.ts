// Milestone 3, rate limiting: /auth/* takes 10 requests a minute from one address, and no more;
// and a login never tells which emails have accounts. (The members were registered once, before
// the first file, by helpers/setup.ts; nothing after this file needs /auth.)
import { describe, it } from 'vitest';
import { authRequestsSent, call, contract, expectErrorFormat, expectStatus } from '../helpers/client.ts';

const unknownLogin = () => call('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password!' } });

describe('M3 rate limiting', () => {
  it('POST /auth/login with an email no account has answers 401 AUTH.INVALID_CREDENTIALS, as for a wrong password', async () => {
    const answer = await unknownLogin();
    expectStatus(answer, 401, 'AUTH.INVALID_CREDENTIALS', 'with an email no account has');
  });

  it('/auth/* answers 429 with Retry-After once an address sends more than 10 requests in a minute', async () => {
    const before = authRequestsSent();
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await unknownLogin());
    const statuses = answers.map((a) => a.status).join(', ');
    const first = answers.findIndex((a) => a.status === 429);
    const limited = answers[first];
    contract(limited, `12 logins in a row answered ${statuses}; the contract says /auth/* answers 429 after 10 requests a minute from one address.`);
    // A limit that refuses the 10th request also breaks milestone 1's suite, which sends exactly 10.
    contract(before + first >= 10, `12 logins in a row answered ${statuses}: 429 came after ${before + first} /auth requests (${before} earlier in the suite, ${first} here); the contract allows 10 a minute before answering 429.`);
    expectErrorFormat(limited, 'POST /auth/login, refused by the rate limit,');
    const retry = Number(limited.headers.get('retry-after'));
    contract(Number.isFinite(retry) && retry > 0, `The 429 answer had Retry-After "${limited.headers.get('retry-after')}"; the contract says it names the seconds to wait.`);
  });
});

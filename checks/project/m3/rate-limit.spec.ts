// Milestone 3, rate limiting: /auth/* takes 10 requests a minute from one address, and no more.
// (The members were registered once, before the first file, by helpers/setup.ts; nothing after this needs /auth.)
import { describe, it } from 'vitest';
import { call, contract, expectErrorFormat } from '../helpers/client.ts';

describe('M3 rate limiting', () => {
  it('/auth/* answers 429 with Retry-After once an address sends more than 10 requests in a minute', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await call('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password!' } }));
    const statuses = answers.map((a) => a.status).join(', ');
    const first = answers.findIndex((a) => a.status === 429);
    const limited = answers[first];
    contract(limited, `12 logins in a row answered ${statuses}; the contract says /auth/* answers 429 after 10 requests a minute from one address.`);
    // Before these, the suite sent 4 /auth requests (its 2 members' registrations and logins), so at
    // least 6 of these must pass: a limit that refuses the 10th request also breaks milestone 1's suite.
    contract(first >= 6, `12 logins in a row answered ${statuses}: 429 came after ${4 + first} /auth requests (4 by the suite's set-up, ${first} here); the contract allows 10 a minute before answering 429.`);
    expectErrorFormat(limited, 'POST /auth/login, refused by the rate limit,');
    const retry = Number(limited.headers.get('retry-after'));
    contract(Number.isFinite(retry) && retry > 0, `The 429 answer had Retry-After "${limited.headers.get('retry-after')}"; the contract says it names the seconds to wait.`);
  });
});

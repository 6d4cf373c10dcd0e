// Milestone 3, rate limiting: /auth/* takes at most 10 requests a minute from one address.
// (The members were registered once, before the first file, by helpers/setup.ts; nothing after this needs /auth.)
import { describe, it } from 'vitest';
import { call, contract } from '../helpers/client.ts';

describe('M3 rate limiting', () => {
  it('/auth/* answers 429 with Retry-After once an address sends more than 10 requests in a minute', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await call('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password!' } }));
    const limited = answers.find((a) => a.status === 429);
    contract(limited, `12 logins in a row answered ${answers.map((a) => a.status).join(', ')}; the contract says /auth/* answers 429 after 10 requests a minute from one address.`);
    const retry = Number(limited.headers.get('retry-after'));
    contract(Number.isFinite(retry) && retry > 0, `The 429 answer had Retry-After "${limited.headers.get('retry-after')}"; the contract says it names the seconds to wait.`);
  });
});

// Milestone 3, pagination: GET /tasks pages with ?page and ?limit (at most 100) and says where it is.
import { beforeAll, describe, it } from 'vitest';
import { call, contract, expectStatus, type Member } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';

let eve: Member;
beforeAll(async () => {
  ({ eve } = members());
  for (let i = 1; i <= 5; i++) expectStatus(await call('POST', '/tasks', { token: eve.token, body: { title: `Page task ${i}` } }), 201);
});

describe('M3 pagination', () => {
  it('GET /tasks?page=2&limit=2 answers the second slice of 2 with meta { total, page, limit, totalPages }', async () => {
    const answer = await call('GET', '/tasks?page=2&limit=2', { token: eve.token });
    expectStatus(answer, 200);
    const meta = answer.body?.meta ?? {};
    contract(answer.body?.data?.length === 2, `GET /tasks?page=2&limit=2 answered ${answer.body?.data?.length} tasks; the contract says 2.`);
    contract(
      meta.total === 5 && meta.page === 2 && meta.limit === 2 && meta.totalPages === 3,
      `GET /tasks?page=2&limit=2 (5 tasks) answered meta ${JSON.stringify(meta)}; the contract says { total: 5, page: 2, limit: 2, totalPages: 3 }.`,
    );
    const last = await call('GET', '/tasks?page=3&limit=2', { token: eve.token });
    contract(last.body?.data?.length === 1, `GET /tasks?page=3&limit=2 (5 tasks) answered ${last.body?.data?.length} tasks; the contract says the last page holds 1.`);
  });

  it('GET /tasks without page or limit answers page 1 with limit 20', async () => {
    const answer = await call('GET', '/tasks', { token: eve.token });
    expectStatus(answer, 200);
    contract(answer.body?.meta?.page === 1 && answer.body.meta.limit === 20, `GET /tasks answered meta ${JSON.stringify(answer.body?.meta)}; the contract says page 1, limit 20 by default.`);
  });

  it('GET /tasks?limit=0, ?limit=101 or ?page=0 answers 400', async () => {
    expectStatus(await call('GET', '/tasks?limit=0', { token: eve.token }), 400, undefined, '(limit 0)');
    expectStatus(await call('GET', '/tasks?limit=101', { token: eve.token }), 400, undefined, '(limit above 100)');
    expectStatus(await call('GET', '/tasks?page=0', { token: eve.token }), 400, undefined, '(page 0)');
  });
});

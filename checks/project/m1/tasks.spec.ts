// Milestone 1, tasks: the HTTP contract of the task life cycle TODO → IN_PROGRESS → COMPLETED,
// and who may see and change a task.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, it } from 'vitest';
import { call, contract, expectStatus, isUuid, type Member, newMember } from '../helpers/client.ts';

let ada: Member;
let bob: Member;
let task: { id: string };

beforeAll(async () => {
  ada = await newMember('ada');
  bob = await newMember('bob');
  const created = await call('POST', '/tasks', { token: ada.token, body: { title: 'Write the contract tests' } });
  expectStatus(created, 201);
  task = created.body;
});

/** A new task of Ada's, for checks that change it. */
async function freshTask(title = 'Review the pull request'): Promise<string> {
  const created = await call('POST', '/tasks', { token: ada.token, body: { title } });
  expectStatus(created, 201);
  return created.body.id;
}

describe('M1 tasks', () => {
  it('POST /tasks answers 201 with the task: id, title, description, status TODO, creatorId, assigneeId null', async () => {
    const answer = await call('POST', '/tasks', { token: ada.token, body: { title: 'Plan the sprint', description: 'Two weeks' } });
    expectStatus(answer, 201);
    const t = answer.body ?? {};
    const problems = [
      !isUuid(t.id) && 'a UUID "id"',
      t.title !== 'Plan the sprint' && 'the title it was given',
      t.description !== 'Two weeks' && 'the description it was given',
      t.status !== 'TODO' && 'status "TODO"',
      t.creatorId !== ada.id && 'creatorId = the caller\'s user id',
      t.assigneeId !== null && 'assigneeId null',
    ].filter(Boolean);
    contract(problems.length === 0, `POST /tasks answered ${answer.text}; the contract says the new task has ${problems.join(', ')}.`);
  });

  it('POST /tasks with a title shorter than 3 characters answers 400', async () => {
    expectStatus(await call('POST', '/tasks', { token: ada.token, body: { title: 'ab' } }), 400, undefined, '(title "ab")');
    expectStatus(await call('POST', '/tasks', { token: ada.token, body: { title: '  ab  ' } }), 400, undefined, '(title "  ab  ": 2 characters after trimming)');
  });

  it('GET /tasks/:id answers 200 with the task to its creator', async () => {
    const answer = await call('GET', `/tasks/${task.id}`, { token: ada.token });
    expectStatus(answer, 200);
    contract(answer.body?.id === task.id && answer.body.title === 'Write the contract tests', `GET /tasks/${task.id} answered ${answer.text}; the contract says it returns that task.`);
  });

  it('GET /tasks/:id of an unknown id answers 404 TASK.NOT_FOUND', async () => {
    expectStatus(await call('GET', `/tasks/${randomUUID()}`, { token: ada.token }), 404, 'TASK.NOT_FOUND', '(an id no task has)');
  });

  it("GET /tasks/:id of another member's task answers 403 TASK.FORBIDDEN", async () => {
    expectStatus(await call('GET', `/tasks/${task.id}`, { token: bob.token }), 403, 'TASK.FORBIDDEN', "(Bob reading Ada's task)");
  });

  it("PATCH, assign, complete and DELETE of another member's task answer 403 TASK.FORBIDDEN and change nothing", async () => {
    const id = await freshTask('Only Ada may touch this');
    const rule = "(Bob, neither creator nor assignee, changing Ada's task)";
    expectStatus(await call('PATCH', `/tasks/${id}`, { token: bob.token, body: { title: 'Taken over by Bob' } }), 403, 'TASK.FORBIDDEN', rule);
    expectStatus(await call('POST', `/tasks/${id}/assign`, { token: bob.token, body: { userId: bob.id } }), 403, 'TASK.FORBIDDEN', rule);
    expectStatus(await call('POST', `/tasks/${id}/complete`, { token: bob.token }), 403, 'TASK.FORBIDDEN', rule);
    expectStatus(await call('DELETE', `/tasks/${id}`, { token: bob.token }), 403, 'TASK.FORBIDDEN', rule);
    const read = await call('GET', `/tasks/${id}`, { token: ada.token });
    expectStatus(read, 200, undefined, '(Ada reading her task after Bob was refused)');
    const t = read.body ?? {};
    contract(
      t.title === 'Only Ada may touch this' && t.status === 'TODO' && t.assigneeId === null,
      `GET /tasks/${id} after Bob's refused changes answered ${read.text}; the contract says a refused change changes nothing.`,
    );
  });

  it('PATCH /tasks/:id changes the title and answers 200 with the updated task', async () => {
    const id = await freshTask();
    const answer = await call('PATCH', `/tasks/${id}`, { token: ada.token, body: { title: 'Review it twice' } });
    expectStatus(answer, 200);
    contract(answer.body?.title === 'Review it twice', `PATCH /tasks/${id} answered ${answer.text}; the contract says the answer is the task with the new title.`);
    const read = await call('GET', `/tasks/${id}`, { token: ada.token });
    contract(read.body?.title === 'Review it twice', `GET /tasks/${id} after PATCH answered ${read.text}; the contract says the change is kept.`);
  });

  it('POST /tasks/:id/assign { userId } answers 200 with status IN_PROGRESS and that assignee, who may then read it', async () => {
    const id = await freshTask();
    const answer = await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: bob.id } });
    expectStatus(answer, 200);
    contract(answer.body?.status === 'IN_PROGRESS' && answer.body.assigneeId === bob.id, `POST /tasks/${id}/assign answered ${answer.text}; the contract says status "IN_PROGRESS" and assigneeId = the user it was given.`);
    expectStatus(await call('GET', `/tasks/${id}`, { token: bob.token }), 200, undefined, '(the assignee reading the task)');
  });

  it('POST /tasks/:id/complete answers 200 with status COMPLETED', async () => {
    const id = await freshTask();
    const answer = await call('POST', `/tasks/${id}/complete`, { token: ada.token });
    expectStatus(answer, 200);
    contract(answer.body?.status === 'COMPLETED', `POST /tasks/${id}/complete answered ${answer.text}; the contract says status "COMPLETED".`);
  });

  it('POST /tasks/:id/complete on a completed task answers 409 TASK.ALREADY_COMPLETED', async () => {
    const id = await freshTask();
    expectStatus(await call('POST', `/tasks/${id}/complete`, { token: ada.token }), 200, undefined, '(the first time)');
    expectStatus(await call('POST', `/tasks/${id}/complete`, { token: ada.token }), 409, 'TASK.ALREADY_COMPLETED', 'on a completed task');
  });

  it('POST /tasks/:id/assign on a completed task answers 409 TASK.CANNOT_ASSIGN_COMPLETED', async () => {
    const id = await freshTask();
    expectStatus(await call('POST', `/tasks/${id}/complete`, { token: ada.token }), 200);
    expectStatus(await call('POST', `/tasks/${id}/assign`, { token: ada.token, body: { userId: bob.id } }), 409, 'TASK.CANNOT_ASSIGN_COMPLETED', 'on a completed task');
  });

  it("GET /tasks answers 200 { data, meta } with the caller's tasks and none of another member's", async () => {
    const answer = await call('GET', '/tasks', { token: bob.token });
    expectStatus(answer, 200);
    contract(Array.isArray(answer.body?.data) && typeof answer.body.meta?.total === 'number', `GET /tasks answered ${answer.text.slice(0, 300)}; the contract says { data: Task[], meta: { total, page, limit, totalPages } }.`);
    const foreign = answer.body.data.filter((t: { creatorId?: string; assigneeId?: string | null }) => t.creatorId !== bob.id && t.assigneeId !== bob.id);
    contract(foreign.length === 0, `GET /tasks as Bob listed ${foreign.length} task(s) Bob neither created nor holds; the contract says a member sees only their own tasks.`);
    const mine = await call('GET', '/tasks?limit=100', { token: ada.token });
    contract(mine.body?.data?.some((t: { id: string }) => t.id === task.id), `GET /tasks as Ada did not list the task Ada created (${task.id}).`);
  });

  it('DELETE /tasks/:id answers 204, and the task is gone (GET answers 404)', async () => {
    const id = await freshTask();
    expectStatus(await call('DELETE', `/tasks/${id}`, { token: ada.token }), 204);
    expectStatus(await call('GET', `/tasks/${id}`, { token: ada.token }), 404, 'TASK.NOT_FOUND', 'after DELETE');
  });
});

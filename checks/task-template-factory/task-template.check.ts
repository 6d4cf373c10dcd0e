import { expect, it } from 'vitest';
import {
  BUG_CHECKLIST,
  ONBOARDING_CHECKLIST,
  REVIEW_CHECKLIST,
  TASK_TEMPLATES,
  TaskTemplateFactory,
} from '../src/application/tasks/task-template.factory.js';
import { DomainError } from '../src/domain/shared/domain-error.js';

const NOW = new Date('2026-03-02T09:30:00.000Z');
const factory = () => new TaskTemplateFactory({ now: () => new Date(NOW) });
const input = { subject: 'Login fails with a + in the e-mail', creatorId: 'u-mentor' };

function thrown(fn: () => unknown): DomainError {
  let error: unknown;
  try { fn(); } catch (e) { error = e; }
  expect(error, 'expected a DomainError').toBeInstanceOf(DomainError);
  return error as DomainError;
}

it("'bug' builds a TODO task titled 'Bug: <subject>' with the bug checklist, due two days after the clock's now", () => {
  const task = factory().create('bug', input);
  expect(task.props).toMatchObject({
    title: 'Bug: Login fails with a + in the e-mail',
    description: BUG_CHECKLIST,
    status: 'TODO',
    assigneeId: null,
    creatorId: 'u-mentor',
  });
  expect(task.dueDate?.toISOString(), 'due date').toBe('2026-03-04T09:30:00.000Z');
  expect(task.createdAt.toISOString(), 'createdAt comes from the injected clock').toBe(NOW.toISOString());
});

it("'code-review' is titled 'Review: <subject>', has the review checklist and is due one day later", () => {
  const task = factory().create('code-review', { subject: 'PR #42', creatorId: 'u-alice' });
  expect(task.title).toBe('Review: PR #42');
  expect(task.description).toBe(REVIEW_CHECKLIST);
  expect(task.dueDate?.toISOString()).toBe('2026-03-03T09:30:00.000Z');
});

it("'onboarding' is titled 'Onboarding: <subject>', has the onboarding checklist and no due date", () => {
  const task = factory().create('onboarding', { subject: 'Dana', creatorId: 'u-mentor' });
  expect(task.title).toBe('Onboarding: Dana');
  expect(task.description).toBe(ONBOARDING_CHECKLIST);
  expect(task.dueDate).toBeNull();
});

it('every task the factory makes gets its own id', () => {
  const f = factory();
  const ids = new Set([f.create('bug', input).id, f.create('bug', input).id, f.create('onboarding', input).id]);
  expect(ids.size).toBe(3);
});

it('an unknown template throws TASK.UNKNOWN_TEMPLATE naming the known ones', () => {
  const f = factory();
  for (const name of ['feature', 'toString']) {
    const error = thrown(() => f.create(name, input));
    expect(error.code, `template "${name}"`).toBe('TASK.UNKNOWN_TEMPLATE');
    expect(error.message).toContain('code-review');
  }
  expect([...TASK_TEMPLATES].sort()).toEqual(['bug', 'code-review', 'onboarding']);
});

it('the entity still validates: a subject that makes the title too long fails with TASK.INVALID_TITLE', () => {
  expect(thrown(() => factory().create('bug', { subject: 'x'.repeat(98), creatorId: 'u-1' })).code).toBe('TASK.INVALID_TITLE');
});

it('a title of exactly 100 characters is accepted (the entity allows 100)', () => {
  const task = factory().create('bug', { subject: 'x'.repeat(95), creatorId: 'u-1' });
  expect(task.title.length, 'length of "Bug: " + 95 characters').toBe(100);
});

it('each task takes the time the clock says when it is created (a clock that moves gives different dates)', () => {
  let now = new Date(NOW);
  const f = new TaskTemplateFactory({ now: () => new Date(now) });
  const first = f.create('code-review', input);
  now = new Date('2026-03-05T14:00:00.000Z');
  const second = f.create('code-review', input);
  expect([first.createdAt.toISOString(), first.dueDate?.toISOString()], 'first task').toEqual(['2026-03-02T09:30:00.000Z', '2026-03-03T09:30:00.000Z']);
  expect([second.createdAt.toISOString(), second.dueDate?.toISOString()], 'second task, after the clock moved').toEqual(['2026-03-05T14:00:00.000Z', '2026-03-06T14:00:00.000Z']);
});

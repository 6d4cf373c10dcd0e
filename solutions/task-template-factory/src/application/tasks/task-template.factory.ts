import { Inject } from '@nestjs/common';
import { DomainError } from '../../domain/shared/domain-error.js';
import { Task } from '../../domain/task/task.entity.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';

export const BUG_CHECKLIST = 'Steps to reproduce:\nExpected:\nActual:';
export const REVIEW_CHECKLIST = 'Read the tests first, then the code. Leave at least one question.';
export const ONBOARDING_CHECKLIST = 'Accounts, repository access, first pairing session.';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Template {
  titlePrefix: string;
  description: string;
  /** Days from now to the due date; null for no due date. */
  dueInDays: number | null;
}

const TEMPLATES = new Map<string, Template>([
  ['bug', { titlePrefix: 'Bug', description: BUG_CHECKLIST, dueInDays: 2 }],
  ['code-review', { titlePrefix: 'Review', description: REVIEW_CHECKLIST, dueInDays: 1 }],
  ['onboarding', { titlePrefix: 'Onboarding', description: ONBOARDING_CHECKLIST, dueInDays: null }],
]);

/** The template names the factory knows. */
export const TASK_TEMPLATES: readonly string[] = [...TEMPLATES.keys()];

export interface TemplateInput {
  subject: string;
  creatorId: string;
}

/** Builds tasks from named templates; the entity still validates what comes out. */
export class TaskTemplateFactory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** A new task built from `template`; throws TASK.UNKNOWN_TEMPLATE for an unknown name. */
  create(template: string, input: TemplateInput): Task {
    const spec = TEMPLATES.get(template);
    if (!spec) {
      throw new DomainError('TASK.UNKNOWN_TEMPLATE', `Unknown template "${template}"; use one of: ${TASK_TEMPLATES.join(', ')}.`);
    }
    const now = this.clock.now();
    return Task.create({
      title: `${spec.titlePrefix}: ${input.subject}`,
      description: spec.description,
      creatorId: input.creatorId,
      dueDate: spec.dueInDays === null ? null : new Date(now.getTime() + spec.dueInDays * DAY_MS),
      now,
    });
  }
}

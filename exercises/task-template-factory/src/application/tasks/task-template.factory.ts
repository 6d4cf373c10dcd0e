import { Inject } from '@nestjs/common';
import { DomainError } from '../../domain/shared/domain-error.js';
import { Task } from '../../domain/task/task.entity.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';

export const BUG_CHECKLIST = 'Steps to reproduce:\nExpected:\nActual:';
export const REVIEW_CHECKLIST = 'Read the tests first, then the code. Leave at least one question.';
export const ONBOARDING_CHECKLIST = 'Accounts, repository access, first pairing session.';

/** The template names the factory knows. */
export const TASK_TEMPLATES: readonly string[] = [];

export interface TemplateInput {
  subject: string;
  creatorId: string;
}

export class TaskTemplateFactory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** A new task built from `template`; throws TASK.UNKNOWN_TEMPLATE for an unknown name. */
  create(template: string, input: TemplateInput): Task {
    // TODO: build the task from the template table described in the instructions.
    throw new DomainError('TASK.UNKNOWN_TEMPLATE', `Unknown template ${template} for "${input.subject}".`);
  }
}

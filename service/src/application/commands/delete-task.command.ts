import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';

/** Remove task `taskId` for good. */
export class DeleteTaskCommand extends Command<void> {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

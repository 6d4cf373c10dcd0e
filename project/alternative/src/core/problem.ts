/** A failure the contract names: an HTTP status and a stable machine-readable code. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Problem';
  }
}

export const problems = {
  emailTaken: () => new Problem(409, 'USER.EMAIL_TAKEN', 'An account with this email already exists; log in instead.'),
  badCredentials: () => new Problem(401, 'AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong.'),
  unauthenticated: (why: string) => new Problem(401, 'AUTH.UNAUTHENTICATED', why),
  taskNotFound: (id: string) => new Problem(404, 'TASK.NOT_FOUND', `No task has the id ${id}.`),
  forbidden: () => new Problem(403, 'TASK.FORBIDDEN', 'Only the creator and the assignee of a task may do this.'),
  alreadyCompleted: () => new Problem(409, 'TASK.ALREADY_COMPLETED', 'This task is already completed.'),
  cannotAssignCompleted: () =>
    new Problem(409, 'TASK.CANNOT_ASSIGN_COMPLETED', 'A completed task cannot be assigned to anyone.'),
  userNotFound: (id: string) => new Problem(404, 'USER.NOT_FOUND', `No user has the id ${id}.`),
  invalid: (message: string) => new Problem(400, 'REQUEST.INVALID', message),
};

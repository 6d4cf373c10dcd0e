/**
 * A broken business rule. The code (`TASK.ALREADY_COMPLETED`) is stable and machine-readable;
 * the message is for people. Only the presentation layer decides what a code means in HTTP or
 * WebSocket terms, so the domain never mentions status codes.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** True when `error` is a DomainError carrying `code` (handy in tests and filters). */
export function isDomainError(error: unknown, code?: string): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

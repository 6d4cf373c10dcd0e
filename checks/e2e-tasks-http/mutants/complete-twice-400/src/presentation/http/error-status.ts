/** HTTP status for each domain error code. The domain knows codes; only this layer knows HTTP. */
const STATUS_BY_CODE: Record<string, number> = {
  'TASK.NOT_FOUND': 404,
  'USER.NOT_FOUND': 404,
  'TASK.FORBIDDEN': 403,
  'TASK.ALREADY_COMPLETED': 400,
  'TASK.CANNOT_ASSIGN_COMPLETED': 409,
  'USER.EMAIL_TAKEN': 409,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.FORBIDDEN': 403,
  'TASK.INVALID_TITLE': 400,
  'TASK.INVALID_DESCRIPTION': 400,
  'TASK.INVALID_DUE_DATE': 400,
  'TASK.INVALID_PAGE': 400,
  'USER.INVALID_EMAIL': 400,
  'USER.INVALID_NAME': 400,
  'USER.WEAK_PASSWORD': 400,
};

/**
 * Codes added later (e.g. by an exercise) still map sensibly by their suffix; anything else is a
 * rule the request broke, 422.
 */
export function httpStatusForDomainCode(code: string): number {
  const known = STATUS_BY_CODE[code];
  if (known !== undefined) return known;
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.FORBIDDEN')) return 403;
  if (code.includes('.INVALID')) return 400;
  if (code.startsWith('AUTH.')) return 401;
  return 422;
}

import { ZodError } from 'zod';
import { DomainError } from '../domain/shared/domain-error.js';
import { httpStatusForDomainCode } from '../presentation/http/error-status.js';

export const PROBLEM_BASE = 'https://docs.tasks.example.com/problems/';

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/** TASK.ALREADY_COMPLETED → https://…/problems/task/already-completed */
const typeFor = (code: string) => PROBLEM_BASE + code.toLowerCase().replaceAll('.', '/').replaceAll('_', '-');

/** The problem+json body for any error the API can raise. */
export function toProblem(error: unknown, context: { instance: string; requestId: string }): ProblemDetails {
  const { instance, requestId } = context;
  if (error instanceof DomainError) {
    const status = httpStatusForDomainCode(error.code);
    return { type: typeFor(error.code), title: STATUS_TEXT[status] ?? 'Error', status, detail: error.message, instance, requestId, code: error.code };
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(root)', message: issue.message }));
    return {
      type: typeFor('VALIDATION.FAILED'),
      title: 'Bad Request',
      status: 400,
      detail: `The request is invalid in ${errors.length} place(s); see errors.`,
      instance,
      requestId,
      code: 'VALIDATION.FAILED',
      errors,
    };
  }
  // Unknown errors may carry SQL, file paths or personal data: describe none of it.
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: `Something went wrong on our side. If it keeps happening, contact support and quote request id ${requestId}.`,
    instance,
    requestId,
  };
}

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

/** The problem+json body for any error the API can raise. */
export function toProblem(error: unknown, context: { instance: string; requestId: string }): ProblemDetails {
  void [ZodError, DomainError, httpStatusForDomainCode];
  throw new Error(`Not implemented: toProblem (${context.instance})`);
}

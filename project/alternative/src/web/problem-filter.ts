import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Res } from './http-types.js';
import { Problem } from '../core/problem.js';

const codeForStatus: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE.LIMITED',
};

/** Turns anything thrown into `{ statusCode, code, message }`, with statusCode equal to the HTTP status. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return new Problem(status, codeForStatus[status] ?? `HTTP.${status}`, error.message);
  }
  // body-parser's errors carry `type` and `status`
  const parserType = (error as { type?: unknown } | null)?.type;
  if (parserType === 'entity.parse.failed')
    return new Problem(400, 'REQUEST.MALFORMED_JSON', 'The body is not valid JSON.');
  if (parserType === 'entity.too.large')
    return new Problem(413, 'REQUEST.TOO_LARGE', 'The body is larger than 100 kB.');
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new Problem(status, codeForStatus[status] ?? `HTTP.${status}`, String((error as Error).message));
  return new Problem(500, 'INTERNAL', 'Something went wrong on our side; try again.');
}

export function sendProblem(res: Res, problem: Problem): void {
  res.status(problem.status).json({ statusCode: problem.status, code: problem.code, message: problem.message });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    if (problem.status >= 500) console.error(error);
    sendProblem(host.switchToHttp().getResponse<Res>(), problem);
  }
}

import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { HttpResponse } from './http-types.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { httpStatusForDomainCode } from './error-status.js';
import { RequestValidationError } from './zod-validation.pipe.js';

/** Every error response: `{ statusCode, code, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * The one place errors become HTTP responses. Known errors keep their message; anything
 * unexpected is logged with its stack and answered with a generic 500, so internals never leak.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return; // WebSocket errors are answered by the gateway
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const body = this.toBody(error);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      const body: ErrorBody = { statusCode: httpStatusForDomainCode(error.code), code: error.code, message: error.message };
      if (error.details) body.details = error.details;
      return body;
    }
    if (error instanceof RequestValidationError) {
      return { statusCode: 400, code: 'VALIDATION.FAILED', message: error.message, details: { issues: error.issues } };
    }
    // Nest wraps the body parser's errors in an HttpException; the original is the cause.
    const bodyParserError = fromBodyParser(error) ?? fromBodyParser((error as { cause?: unknown } | null)?.cause);
    if (bodyParserError) return bodyParserError;
    if (error instanceof HttpException) return fromHttpException(error);
    if (isUnavailable(error)) {
      return {
        statusCode: 503,
        code: 'SERVICE.UNAVAILABLE',
        message: 'A backing service (database or cache) is not answering; try again shortly. GET /health shows which.',
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' };
  }
}

function fromHttpException(error: HttpException): ErrorBody {
  const statusCode = error.getStatus();
  const response = error.getResponse();
  const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const code = typeof fields['code'] === 'string' ? fields['code'] : `HTTP.${HttpStatus[statusCode] ?? statusCode}`;
  const message = typeof fields['message'] === 'string' ? fields['message'] : error.message;
  return { statusCode, code, message };
}

/** Express's body parser reports a too-large or malformed body with `type` and `status`. */
function fromBodyParser(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const { type } = error as { type: unknown };
  if (type === 'entity.too.large') {
    return { statusCode: 413, code: 'REQUEST.TOO_LARGE', message: 'The request body is larger than the 100 kB limit.' };
  }
  if (type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'REQUEST.MALFORMED_JSON', message: 'The request body is not valid JSON.' };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, code: 'REQUEST.UNSUPPORTED_ENCODING', message: 'Send the body as UTF-8 JSON.' };
  }
  return undefined;
}

/**
 * Errors that mean "a dependency is down", not "this request is wrong": refused or timed-out
 * connections from node-postgres, Prisma's driver adapters, PGlite after close, and ioredis.
 */
function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|P1001|P1002|P1017|P2024)$/.test(code)) return true;
    if (/connect|Connection terminated|timeout|timed out|closed|Stream isn't writeable|PGlite is closed/i.test(e.message)) return true;
    if (e.name === 'PrismaClientInitializationError' || e.name === 'DriverAdapterError') return true;
  }
  return false;
}

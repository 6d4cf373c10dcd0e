import { HttpException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/domain-error.js';
import { ErrorFilter } from './error.filter.js';
import { httpStatusForDomainCode } from './error-status.js';
import { RequestValidationError } from './zod-validation.pipe.js';

const filter = new ErrorFilter();

describe('httpStatusForDomainCode', () => {
  it.each([
    ['TASK.ALREADY_COMPLETED', 409],
    ['TASK.CANNOT_ASSIGN_COMPLETED', 409],
    ['TASK.NOT_FOUND', 404],
    ['TASK.FORBIDDEN', 403],
    ['AUTH.INVALID_TOKEN', 401],
    ['TASK.INVALID_TITLE', 400],
    ['COMMENT.NOT_FOUND', 404],
    ['COMMENT.FORBIDDEN', 403],
    ['COMMENT.INVALID_BODY', 400],
    ['AUTH.TOTP_REQUIRED', 401],
    ['TASK.SOMETHING_ELSE', 422],
  ])('%s → %i', (code, status) => {
    expect(httpStatusForDomainCode(code)).toBe(status);
  });
});

describe('ErrorFilter.toBody', () => {
  it('keeps the domain code, message and details', () => {
    expect(filter.toBody(new DomainError('TASK.INVALID_TITLE', 'Too short.', { min: 3 }))).toEqual({
      statusCode: 400,
      code: 'TASK.INVALID_TITLE',
      message: 'Too short.',
      details: { min: 3 },
    });
  });

  it('turns validation errors into 400 VALIDATION.FAILED with the issues', () => {
    const body = filter.toBody(new RequestValidationError('body', [{ path: 'title', message: 'Required' }]));
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', message: 'Invalid body: title: Required.' });
  });

  it('names Nest HTTP exceptions by status, or by the code they carry', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'))).toEqual({ statusCode: 404, code: 'HTTP.NOT_FOUND', message: 'Cannot GET /x' });
    expect(filter.toBody(new HttpException({ code: 'AUTH.RATE_LIMITED', message: 'Slow down.' }, 429))).toEqual({
      statusCode: 429,
      code: 'AUTH.RATE_LIMITED',
      message: 'Slow down.',
    });
  });

  it('answers 503 for a dependency that refuses connections, and a generic 500 otherwise', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(filter.toBody(new Error('query failed', { cause: refused })).statusCode).toBe(503);
    const internal = filter.toBody(new TypeError('x is undefined'));
    expect(internal).toEqual({ statusCode: 500, code: 'INTERNAL', message: expect.stringMatching(/logged/) });
    expect(JSON.stringify(internal)).not.toContain('x is undefined');
  });
});

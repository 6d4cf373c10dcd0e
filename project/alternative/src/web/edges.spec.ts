import { BadRequestException, HttpException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { Problem } from '../core/problem.js';
import type { Req, Res } from './http-types.js';
import { toProblem } from './problem-filter.js';
import { slidingWindow } from './rate-limit.js';

describe('toProblem', () => {
  it('keeps a Problem, maps HTTP exceptions and body-parser errors, and hides anything else as 500', () => {
    const mine = new Problem(409, 'X.Y', 'no');
    expect(toProblem(mine)).toBe(mine);
    expect(toProblem(new BadRequestException('bad'))).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    expect(toProblem(new HttpException('teapot', 418))).toMatchObject({ status: 418, code: 'HTTP.418' });
    expect(toProblem({ type: 'entity.parse.failed' })).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(toProblem({ type: 'entity.too.large' })).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    expect(toProblem(Object.assign(new Error('unsupported'), { status: 415 }))).toMatchObject({
      status: 415,
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    });
    expect(toProblem(new Error('secret detail'))).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(toProblem(new Error('secret detail')).message).not.toContain('secret');
  });
});

describe('slidingWindow', () => {
  function fakeResponse() {
    const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
    const res = {
      setHeader: (name: string, value: string) => {
        sent.headers[name] = value;
      },
      status(code: number) {
        sent.status = code;
        return res;
      },
      json(body: unknown) {
        sent.body = body;
        return res;
      },
    };
    return { res: res as unknown as Res, sent };
  }

  it('lets `max` requests a window through per address, then answers 429 with Retry-After until the oldest expires', () => {
    let now = 1_000_000;
    const limit = slidingWindow(3, 60_000, () => now);
    const req = { ip: '10.0.0.1', socket: {} } as Req;
    let passed = 0;
    for (let i = 0; i < 3; i++) limit(req, fakeResponse().res, () => passed++);
    expect(passed).toBe(3);
    now += 20_000;
    const { res, sent } = fakeResponse();
    limit(req, res, () => passed++);
    expect(passed).toBe(3);
    expect(sent.status).toBe(429);
    expect(sent.headers['Retry-After']).toBe('40');
    expect(sent.body).toMatchObject({ statusCode: 429, code: 'RATE.LIMITED' });
    limit({ ip: '10.0.0.2', socket: {} } as Req, fakeResponse().res, () => passed++);
    expect(passed).toBe(4);
    now += 40_001;
    limit(req, fakeResponse().res, () => passed++);
    expect(passed).toBe(5);
  });
});

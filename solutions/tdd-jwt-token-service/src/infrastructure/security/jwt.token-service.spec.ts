import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/domain-error.js';
import { ACCESS_TOKEN_TTL_SECONDS, JwtTokenService } from './jwt.token-service.js';

const secret = 'a-test-secret-that-is-long-enough';
const tokens = new JwtTokenService(secret);

/** The DomainError code verify() throws for `token`, or what else happened. */
function rejectionOf(token: string): string {
  try {
    tokens.verify(token);
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
}

describe('JwtTokenService.sign', () => {
  it('issues an HS256 token carrying the user id as sub and the role', () => {
    const token = tokens.sign({ id: 'u-1', role: 'ADMIN' });
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header.alg).toBe('HS256');
    expect(decoded?.payload).toMatchObject({ sub: 'u-1', role: 'ADMIN' });
  });

  it('issues tokens that expire ACCESS_TOKEN_TTL_SECONDS after they were issued', () => {
    const payload = jwt.decode(tokens.sign({ id: 'u-1', role: 'MEMBER' })) as jwt.JwtPayload;
    expect(payload.exp, 'the token must carry an expiry').toBeTypeOf('number');
    expect(payload.exp! - payload.iat!).toBe(ACCESS_TOKEN_TTL_SECONDS);
  });

  it('issues tokens that expire ttlSeconds after they were issued when the constructor is given one', () => {
    const payload = jwt.decode(new JwtTokenService(secret, 60).sign({ id: 'u-1', role: 'MEMBER' })) as jwt.JwtPayload;
    expect(payload.exp! - payload.iat!).toBe(60);
  });
});

describe('JwtTokenService.verify', () => {
  it('returns the actor a valid token was signed for', () => {
    expect(tokens.verify(tokens.sign({ id: 'u-7', role: 'MENTOR' }))).toEqual({ id: 'u-7', role: 'MENTOR' });
  });

  it('rejects an expired token with AUTH.INVALID_TOKEN', () => {
    expect(rejectionOf(jwt.sign({ role: 'MEMBER' }, secret, { subject: 'u-1', expiresIn: -10 }))).toBe('AUTH.INVALID_TOKEN');
  });

  it('rejects a token signed with another secret', () => {
    expect(rejectionOf(jwt.sign({ role: 'MEMBER' }, 'some-other-secret-of-good-length', { subject: 'u-1', expiresIn: 60 }))).toBe('AUTH.INVALID_TOKEN');
  });

  it('rejects a token signed with another algorithm than HS256, even with the right secret', () => {
    for (const algorithm of ['HS384', 'HS512'] as const) {
      expect(rejectionOf(jwt.sign({ role: 'MEMBER' }, secret, { subject: 'u-1', algorithm, expiresIn: 60 })), algorithm).toBe('AUTH.INVALID_TOKEN');
    }
  });

  it('rejects a token whose role is not MEMBER, MENTOR or ADMIN with AUTH.INVALID_TOKEN', () => {
    expect(rejectionOf(jwt.sign({ role: 'ROOT' }, secret, { subject: 'u-1', expiresIn: 60 }))).toBe('AUTH.INVALID_TOKEN');
  });

  it('rejects a token without a subject with AUTH.INVALID_TOKEN', () => {
    expect(rejectionOf(jwt.sign({ role: 'MEMBER' }, secret, { expiresIn: 60 }))).toBe('AUTH.INVALID_TOKEN');
  });

  it('rejects a token that carries no expiry with AUTH.INVALID_TOKEN', () => {
    expect(rejectionOf(jwt.sign({ role: 'MEMBER' }, secret, { subject: 'u-1' }))).toBe('AUTH.INVALID_TOKEN');
  });

  it('accepts a valid token for each role: MEMBER, MENTOR and ADMIN', () => {
    for (const role of ['MEMBER', 'MENTOR', 'ADMIN'] as const) {
      expect(tokens.verify(tokens.sign({ id: 'u-3', role })), role).toEqual({ id: 'u-3', role });
    }
  });

  it('rejects garbage with AUTH.INVALID_TOKEN', () => {
    expect(rejectionOf('not.a.jwt')).toBe('AUTH.INVALID_TOKEN');
  });
});

describe('JwtTokenService constructor', () => {
  it('refuses a secret shorter than 16 characters and accepts one of 16', () => {
    expect(() => new JwtTokenService('fifteen-chars!!')).toThrow();
    expect(() => new JwtTokenService('sixteen-chars!!!')).not.toThrow();
  });
});

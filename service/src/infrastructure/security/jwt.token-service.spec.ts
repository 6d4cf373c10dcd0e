import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/domain-error.js';
import { JwtTokenService } from './jwt.token-service.js';

const secret = 'a-test-secret-that-is-long-enough';
const codeOf = (action: () => unknown) => {
  try {
    action();
    return 'no error';
  } catch (error) {
    return error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
  }
};

describe('JwtTokenService', () => {
  it('round-trips the actor through an HS256 token', () => {
    const tokens = new JwtTokenService(secret);
    const token = tokens.sign({ id: 'u-1', role: 'ADMIN' });
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('HS256');
    expect(tokens.verify(token)).toEqual({ id: 'u-1', role: 'ADMIN' });
  });

  it('says when a token has expired, and rejects foreign or role-less tokens', () => {
    const tokens = new JwtTokenService(secret);
    expect(codeOf(() => tokens.verify(jwt.sign({ role: 'MEMBER' }, secret, { subject: 'u', expiresIn: -1 })))).toMatch(/AUTH.INVALID_TOKEN: .*has expired/);
    expect(codeOf(() => tokens.verify(jwt.sign({ role: 'MEMBER' }, 'another-secret-entirely-xxxxxxxx', { subject: 'u' })))).toMatch(/AUTH.INVALID_TOKEN: .*not valid/);
    expect(codeOf(() => tokens.verify(jwt.sign({ role: 'ROOT' }, secret, { subject: 'u' })))).toMatch(/does not name a user and role/);
  });

  it('rejects a correctly signed token without an expiry', () => {
    const tokens = new JwtTokenService(secret);
    const forever = jwt.sign({ role: 'ADMIN' }, secret, { subject: 'u-1', algorithm: 'HS256' });
    expect(codeOf(() => tokens.verify(forever))).toMatch(/AUTH.INVALID_TOKEN: .*no expiry/);
  });

  it('refuses a secret too short to be safe', () => {
    expect(() => new JwtTokenService('short')).toThrow(/at least 16 characters/);
  });
});

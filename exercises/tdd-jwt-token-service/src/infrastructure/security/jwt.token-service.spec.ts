import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/domain-error.js';
import { ACCESS_TOKEN_TTL_SECONDS, JwtTokenService } from './jwt.token-service.js';

const secret = 'a-test-secret-that-is-long-enough';

describe('JwtTokenService', () => {
  it('verify() returns the actor a token was signed for', () => {
    const tokens = new JwtTokenService(secret);
    expect(tokens.verify(tokens.sign({ id: 'u-1', role: 'MENTOR' }))).toEqual({ id: 'u-1', role: 'MENTOR' });
  });

  // TODO: one test per rule — expiry, signature, algorithm, role, secret length.
  // These imports are here for you: jwt (make tokens by hand), DomainError, ACCESS_TOKEN_TTL_SECONDS.
  void jwt;
  void DomainError;
  void ACCESS_TOKEN_TTL_SECONDS;
});

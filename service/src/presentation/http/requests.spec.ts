import { describe, expect, it } from 'vitest';
import { BCRYPT_MAX_BYTES, loginRequest, registerRequest } from './requests.js';

const valid = { email: 'ada@example.com', name: 'Ada' };
const passwordIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.find((issue) => issue.path[0] === 'password')?.message;

describe('password length: bcrypt counts bytes, not characters', () => {
  it('accepts 72 ASCII characters (72 bytes)', () => {
    expect(registerRequest.safeParse({ ...valid, password: 'a'.repeat(72) }).success).toBe(true);
  });

  it('accepts 36 "é" (36 characters, 72 bytes)', () => {
    expect(registerRequest.safeParse({ ...valid, password: 'é'.repeat(36) }).success).toBe(true);
  });

  it('refuses 37 "é": 37 characters but 74 bytes, and says why', () => {
    const result = registerRequest.safeParse({ ...valid, password: 'é'.repeat(37) });
    expect(result.success).toBe(false);
    expect(passwordIssue(result)).toMatch(/72 bytes in UTF-8/);
  });

  it('refuses 72 "é" (144 bytes), which a 72-character cap would let through', () => {
    expect(registerRequest.safeParse({ ...valid, password: 'é'.repeat(72) }).success).toBe(false);
  });

  it('refuses 18 four-byte emoji plus one letter (73 bytes)', () => {
    expect(registerRequest.safeParse({ ...valid, password: `${'🔑'.repeat(18)}a` }).success).toBe(false);
  });

  it('applies the same byte cap at login, so no password longer than any stored one is hashed', () => {
    expect(loginRequest.safeParse({ email: valid.email, password: 'é'.repeat(37) }).success).toBe(false);
    expect(loginRequest.safeParse({ email: valid.email, password: 'é'.repeat(36) }).success).toBe(true);
    expect(BCRYPT_MAX_BYTES).toBe(72);
  });
});

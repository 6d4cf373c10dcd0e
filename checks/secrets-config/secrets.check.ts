import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET, loadSecrets, redactSecrets } from '../src/config/secrets.js';

const STRONG = 'q7Vt2LxN9pR4sW8zK1mB6cH3jF5gD0aE';

function failure(env: Record<string, string>): string {
  try {
    loadSecrets(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`loadSecrets(${JSON.stringify(Object.keys(env))}) should have thrown`);
}

it('production without a secret fails, naming JWT_SECRET', () => {
  expect(failure({ NODE_ENV: 'production' })).toContain('JWT_SECRET');
});

it('production refuses short, placeholder, development and low-variety secrets — without printing them', () => {
  for (const weak of ['short-but-random-9X', 'changeme', 'CHANGEME', DEVELOPMENT_JWT_SECRET, 'a'.repeat(40), 'abababababababababababababababababab']) {
    const message = failure({ NODE_ENV: 'production', JWT_SECRET: weak });
    expect(message, `the error for ${weak.length}-character weak secret`).toContain('JWT_SECRET');
    expect(message, 'the error message must not contain the secret').not.toContain(weak);
  }
});

it('production accepts a strong secret, without warnings', () => {
  expect(loadSecrets({ NODE_ENV: 'production', JWT_SECRET: STRONG })).toEqual({ jwtSecret: STRONG, warnings: [] });
});

it('outside production a missing secret falls back to the development secret with a warning', () => {
  const result = loadSecrets({ NODE_ENV: 'development' });
  expect(result.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  expect(result.warnings.length, 'a warning must say the development secret is in use').toBeGreaterThan(0);
  expect(loadSecrets({}).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
});

it('JWT_SECRET_FILE is read, without its trailing newline; setting both variables is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-check-'));
  const file = join(dir, 'jwt_secret');
  writeFileSync(file, `${STRONG}\n`);
  expect(loadSecrets({ NODE_ENV: 'production', JWT_SECRET_FILE: file }).jwtSecret).toBe(STRONG);
  expect(failure({ NODE_ENV: 'production', JWT_SECRET_FILE: file, JWT_SECRET: STRONG })).toMatch(/JWT_SECRET/);
  expect(failure({ NODE_ENV: 'production', JWT_SECRET_FILE: join(dir, 'missing') })).toMatch(/JWT_SECRET_FILE/);
});

it('redactSecrets hides every occurrence of each secret, and the password inside a secret URL', () => {
  const url = 'postgresql://tasks:s3cr3t-pa55@db.internal:5432/tasks';
  const line = `boot: jwt=${STRONG} db=${url} retry with password s3cr3t-pa55 and ${STRONG}`;
  const out = redactSecrets(line, [STRONG, url, '']);
  expect(out).not.toContain(STRONG);
  expect(out).not.toContain('s3cr3t-pa55');
  expect(out).toContain('***');
  expect(out.startsWith('boot: jwt=***'), out).toBe(true);
  expect(redactSecrets('nothing to hide', [STRONG])).toBe('nothing to hide');
});

it('the edges are inside: exactly 32 characters and exactly 10 different characters are strong; 31 or 9 are not', () => {
  const ten = 'abcdefghij'.repeat(4); // 40 characters, 10 different
  expect(loadSecrets({ NODE_ENV: 'production', JWT_SECRET: STRONG }).jwtSecret, '32 characters').toBe(STRONG);
  expect(loadSecrets({ NODE_ENV: 'production', JWT_SECRET: ten }).jwtSecret, '10 different characters').toBe(ten);
  expect(failure({ NODE_ENV: 'production', JWT_SECRET: STRONG.slice(1) }), 'a 31-character secret').toContain('32');
  expect(failure({ NODE_ENV: 'production', JWT_SECRET: 'abcdefghi'.repeat(4) }), '9 different characters').toContain('10');
});

it('a placeholder is refused in production whatever its case, even when long and varied (the development secret in capitals)', () => {
  const shouted = DEVELOPMENT_JWT_SECRET.toUpperCase();
  const message = failure({ NODE_ENV: 'production', JWT_SECRET: shouted });
  expect(message).toContain('JWT_SECRET');
  expect(message, 'the error message must not contain the secret').not.toContain(shouted);
});

it('outside production a weak secret is accepted, with a warning', () => {
  const result = loadSecrets({ NODE_ENV: 'development', JWT_SECRET: 'changeme' });
  expect(result.jwtSecret).toBe('changeme');
  expect(result.warnings.length, 'warnings for a weak secret in development').toBeGreaterThan(0);
});

it('setting both JWT_SECRET and JWT_SECRET_FILE is refused without printing the secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-check-'));
  const file = join(dir, 'jwt_secret');
  writeFileSync(file, `${STRONG}\n`);
  const message = failure({ JWT_SECRET_FILE: file, JWT_SECRET: STRONG });
  expect(message, 'both set, outside production too').toMatch(/JWT_SECRET/);
  expect(message, 'the error message must not contain the secret').not.toContain(STRONG);
});

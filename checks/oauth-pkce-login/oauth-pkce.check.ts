import { afterEach, describe, expect, it, vi } from 'vitest';
import { OAuthStateStore, buildAuthorizationUrl, computeChallenge, createPkcePair, handleCallback } from '../src/security/oauth-pkce.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The largest share of character positions two of the values have in common (random values share few). */
function mostSharedPositions(values: string[]): number {
  let most = 0;
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1]!, values[i]!];
    const length = Math.min(a.length, b.length);
    let same = 0;
    for (let k = 0; k < length; k++) if (a[k] === b[k]) same++;
    most = Math.max(most, same / length);
  }
  return most;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('OAuth with PKCE', () => {
  it('computes the S256 challenge of the RFC 7636 example', () => {
    expect(computeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('creates random verifiers of 43–128 unreserved characters with their matching challenge', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(UNRESERVED);
    expect(a.method).toBe('S256');
    expect(a.challenge).toBe(computeChallenge(a.verifier));
    expect(a.verifier, 'two pairs must not share a verifier').not.toBe(b.verifier);
  });

  it('builds an authorization URL with every parameter correctly encoded, keeping existing ones', () => {
    const url = new URL(
      buildAuthorizationUrl({
        authorizeEndpoint: 'https://provider.example/oauth/authorize?prompt=consent',
        clientId: 'task-app',
        redirectUri: 'https://tasks.example/auth/callback?from=login&x=1',
        scopes: ['read:user', 'user:email'],
        state: 'st&te=1',
        challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://provider.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prompt: 'consent',
      response_type: 'code',
      client_id: 'task-app',
      redirect_uri: 'https://tasks.example/auth/callback?from=login&x=1',
      scope: 'read:user user:email',
      state: 'st&te=1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('issues unguessable states and gives their verifier back exactly once', () => {
    const store = new OAuthStateStore({ ttlMs: 600_000, now: () => 0 });
    const s1 = store.issue('verifier-1');
    const s2 = store.issue('verifier-2');
    expect(s1.length).toBeGreaterThanOrEqual(32);
    expect(s1).not.toBe(s2);
    expect(store.consume(s2)).toBe('verifier-2');
    expect(store.consume(s1)).toBe('verifier-1');
    expect(store.consume(s1), 'a state is single-use').toBeUndefined();
    expect(store.consume('never-issued')).toBeUndefined();
  });

  it('draws verifiers and states from a secure source: Math.random is never used', () => {
    const random = vi.spyOn(Math, 'random');
    createPkcePair();
    new OAuthStateStore({ ttlMs: 1_000, now: () => 0 }).issue('v');
    expect(random, 'Math.random is predictable; use node:crypto').not.toHaveBeenCalled();
  });

  it('makes states and verifiers that differ in most character positions (not a counter or a clock padded to length)', () => {
    const store = new OAuthStateStore({ ttlMs: 1_000, now: () => 0 });
    const states = Array.from({ length: 10 }, (_, i) => store.issue(`v${i}`));
    expect(mostSharedPositions(states), `states ${states.slice(0, 2).join(', ')} share too many positions`).toBeLessThan(0.5);
    const verifiers = Array.from({ length: 10 }, () => createPkcePair().verifier);
    expect(mostSharedPositions(verifiers), `verifiers ${verifiers.slice(0, 2).join(', ')} share too many positions`).toBeLessThan(0.5);
  });

  it('refuses a state older than ttlMs', () => {
    let now = 1_000;
    const store = new OAuthStateStore({ ttlMs: 10_000, now: () => now });
    const fresh = store.issue('v-fresh');
    const old = store.issue('v-old');
    now += 10_000;
    expect(store.consume(fresh), 'exactly ttlMs old is still valid').toBe('v-fresh');
    now += 1;
    expect(store.consume(old)).toBeUndefined();
  });

  it('accepts a callback with a known state and a code, once', () => {
    const store = new OAuthStateStore({ ttlMs: 600_000, now: () => 0 });
    const state = store.issue('the-verifier');
    expect(handleCallback({ code: 'auth-code', state }, store)).toEqual({ ok: true, code: 'auth-code', verifier: 'the-verifier' });
    expect(handleCallback({ code: 'auth-code', state }, store), 'replaying the callback must fail').toEqual({ ok: false, reason: 'INVALID_STATE' });
  });

  it('checks PROVIDER_ERROR before the state, and the state before the code', () => {
    const store = new OAuthStateStore({ ttlMs: 600_000, now: () => 0 });
    expect(handleCallback({ error: 'access_denied', state: 'forged' }, store), 'an error with an unknown state').toEqual({ ok: false, reason: 'PROVIDER_ERROR' });
    expect(handleCallback({ error: 'access_denied' }, store), 'an error without a state').toEqual({ ok: false, reason: 'PROVIDER_ERROR' });
    expect(handleCallback({ state: 'forged' }, store), 'no code and an unknown state').toEqual({ ok: false, reason: 'INVALID_STATE' });
  });

  it('rejects provider errors, unknown states and missing codes, using up the state', () => {
    const store = new OAuthStateStore({ ttlMs: 600_000, now: () => 0 });
    const denied = store.issue('v1');
    expect(handleCallback({ error: 'access_denied', state: denied }, store)).toEqual({ ok: false, reason: 'PROVIDER_ERROR' });
    expect(handleCallback({ code: 'c', state: denied }, store), 'the state of a failed callback is used up').toEqual({ ok: false, reason: 'INVALID_STATE' });
    expect(handleCallback({ code: 'attacker-code', state: 'forged' }, store)).toEqual({ ok: false, reason: 'INVALID_STATE' });
    expect(handleCallback({ code: 'c' }, store)).toEqual({ ok: false, reason: 'INVALID_STATE' });
    const noCode = store.issue('v2');
    expect(handleCallback({ state: noCode }, store)).toEqual({ ok: false, reason: 'MISSING_CODE' });
    expect(handleCallback({ state: noCode, code: 'late' }, store)).toEqual({ ok: false, reason: 'INVALID_STATE' });
  });
});

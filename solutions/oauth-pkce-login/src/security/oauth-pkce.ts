import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export interface AuthorizationRequest {
  authorizeEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  challenge: string;
}

export type CallbackResult =
  | { ok: true; code: string; verifier: string }
  | { ok: false; reason: 'PROVIDER_ERROR' | 'INVALID_STATE' | 'MISSING_CODE' };

/** base64url(SHA-256(verifier)), RFC 7636 S256. */
export function computeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A fresh random verifier and its challenge. */
export function createPkcePair(): PkcePair {
  // 32 random bytes → 43 base64url characters, all within the RFC's unreserved set.
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: computeChallenge(verifier), method: 'S256' };
}

/** The provider URL the browser is redirected to. */
export function buildAuthorizationUrl(request: AuthorizationRequest): string {
  const url = new URL(request.authorizeEndpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Remembers issued states (with their verifiers) for one use within ttlMs. */
export class OAuthStateStore {
  private readonly issued = new Map<string, { verifier: string; at: number }>();

  constructor(private readonly options: { ttlMs: number; now: () => number }) {}

  issue(verifier: string): string {
    const state = randomBytes(32).toString('base64url');
    this.issued.set(state, { verifier, at: this.options.now() });
    return state;
  }

  consume(state: string): string | undefined {
    const entry = this.issued.get(state);
    this.issued.delete(state); // one use, whatever the outcome
    if (!entry || this.options.now() - entry.at > this.options.ttlMs) return undefined;
    return entry.verifier;
  }
}

/** Validates the provider's redirect back to us. */
export function handleCallback(query: Record<string, string | undefined>, store: OAuthStateStore): CallbackResult {
  const verifier = query['state'] ? store.consume(query['state']) : undefined;
  if (query['error']) return { ok: false, reason: 'PROVIDER_ERROR' };
  if (verifier === undefined) return { ok: false, reason: 'INVALID_STATE' };
  if (!query['code']) return { ok: false, reason: 'MISSING_CODE' };
  return { ok: true, code: query['code'], verifier };
}

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
  void [createHash, randomBytes];
  throw new Error('Not implemented: computeChallenge');
}

/** A fresh random verifier and its challenge. */
export function createPkcePair(): PkcePair {
  throw new Error('Not implemented: createPkcePair');
}

/** The provider URL the browser is redirected to. */
export function buildAuthorizationUrl(request: AuthorizationRequest): string {
  throw new Error(`Not implemented: buildAuthorizationUrl (${request.clientId})`);
}

/** Remembers issued states (with their verifiers) for one use within ttlMs. */
export class OAuthStateStore {
  constructor(private readonly options: { ttlMs: number; now: () => number }) {}

  issue(verifier: string): string {
    throw new Error(`Not implemented: issue (${verifier.length})`);
  }

  consume(state: string): string | undefined {
    throw new Error(`Not implemented: consume (${state.length})`);
  }
}

/** Validates the provider's redirect back to us. */
export function handleCallback(query: Record<string, string | undefined>, store: OAuthStateStore): CallbackResult {
  throw new Error(`Not implemented: handleCallback (${Object.keys(query).join(',')}, ${typeof store})`);
}

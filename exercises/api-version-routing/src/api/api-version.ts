export interface VersionPolicy {
  supported: readonly string[];
  defaultVersion: string;
  /** Deprecated versions and the HTTP date after which they stop working. */
  deprecated?: Record<string, { sunset: string }>;
}

export interface VersionedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export type VersionResolution =
  | { ok: true; version: string; path: string; responseHeaders: Record<string, string> }
  | { ok: false; status: 400; code: 'API.UNSUPPORTED_VERSION' | 'API.VERSION_CONFLICT'; message: string };

/** Works out which API version a request wants and how to answer it. */
export function resolveApiVersion(request: VersionedRequest, policy: VersionPolicy): VersionResolution {
  throw new Error('Not implemented: resolveApiVersion');
}

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

const URI_VERSION = /^\/v(\d+)(?=\/|$)/;
const MEDIA_VERSION = /application\/vnd\.workbook\.v(\d+)\+json/i;

/** Header lookup that ignores the case of the name and takes the first of repeated values. */
function header(headers: VersionedRequest['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** Works out which API version a request wants and how to answer it. */
export function resolveApiVersion(request: VersionedRequest, policy: VersionPolicy): VersionResolution {
  const uri = URI_VERSION.exec(request.path);
  const named = new Map<string, string>(); // source → version
  if (uri?.[1]) named.set('URI', uri[1]);
  const fromHeader = header(request.headers, 'x-api-version');
  if (fromHeader) named.set('X-API-Version', fromHeader);
  const fromAccept = MEDIA_VERSION.exec(header(request.headers, 'accept') ?? '')?.[1];
  if (fromAccept) named.set('Accept', fromAccept);

  const distinct = new Set(named.values());
  if (distinct.size > 1) {
    const detail = [...named].map(([source, v]) => `${source} says ${v}`).join(', ');
    return { ok: false, status: 400, code: 'API.VERSION_CONFLICT', message: `The request names different API versions (${detail}); name one.` };
  }
  const version = [...distinct][0] ?? policy.defaultVersion;
  if (!policy.supported.includes(version)) {
    return {
      ok: false,
      status: 400,
      code: 'API.UNSUPPORTED_VERSION',
      message: `API version ${version} is not supported; supported versions: ${policy.supported.join(', ')}`,
    };
  }
  const responseHeaders: Record<string, string> = { 'API-Version': version };
  const deprecation = policy.deprecated?.[version];
  if (deprecation) Object.assign(responseHeaders, { Deprecation: 'true', Sunset: deprecation.sunset });
  const path = uri ? request.path.slice(uri[0].length) || '/' : request.path;
  return { ok: true, version, path, responseHeaders };
}

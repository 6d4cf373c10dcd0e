export interface TenantSources {
  host?: string;
  headerTenant?: string;
  /** The tenant claim of the verified access token. */
  tokenTenant?: string;
}

export interface TenantConfig {
  baseDomain: string;
  knownTenants: ReadonlySet<string>;
  reservedSubdomains?: readonly string[];
}

export type TenantResolution =
  | { ok: true; tenantId: string; source: 'token' | 'subdomain' | 'header' }
  | { ok: false; status: 400 | 403 | 404; code: 'TENANT.MISSING' | 'TENANT.INVALID' | 'TENANT.MISMATCH' | 'TENANT.UNKNOWN' };

const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DEFAULT_RESERVED = ['www', 'api', 'admin'];

/** The subdomain label, undefined when the host names no tenant, 'invalid' for nested subdomains. */
function subdomainOf(host: string | undefined, config: TenantConfig): string | 'invalid' | undefined {
  if (!host) return undefined;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const suffix = `.${config.baseDomain.toLowerCase()}`;
  if (!name.endsWith(suffix)) return undefined;
  const label = name.slice(0, -suffix.length);
  if (label.includes('.')) return 'invalid';
  return (config.reservedSubdomains ?? DEFAULT_RESERVED).includes(label) ? undefined : label;
}

/** Which tenant the request is for, or why it cannot be served. */
export function resolveTenant(sources: TenantSources, config: TenantConfig): TenantResolution {
  const subdomain = subdomainOf(sources.host, config);
  if (subdomain === 'invalid') return { ok: false, status: 400, code: 'TENANT.INVALID' };
  const candidates = (
    [
      ['token', sources.tokenTenant],
      ['subdomain', subdomain],
      ['header', sources.headerTenant],
    ] as const
  ).filter((c): c is readonly ['token' | 'subdomain' | 'header', string] => c[1] !== undefined && c[1] !== '');

  if (candidates.some(([, id]) => !TENANT_ID.test(id))) return { ok: false, status: 400, code: 'TENANT.INVALID' };
  const first = candidates[0];
  if (!first) return { ok: false, status: 400, code: 'TENANT.MISSING' };
  if (candidates.some(([, id]) => id !== first[1])) return { ok: false, status: 403, code: 'TENANT.MISMATCH' };
  if (!config.knownTenants.has(first[1])) return { ok: false, status: 404, code: 'TENANT.UNKNOWN' };
  return { ok: true, tenantId: first[1], source: first[0] };
}

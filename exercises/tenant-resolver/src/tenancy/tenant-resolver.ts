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

/** Which tenant the request is for, or why it cannot be served. */
export function resolveTenant(sources: TenantSources, config: TenantConfig): TenantResolution {
  throw new Error(`Not implemented: resolveTenant (${Object.keys(sources).join(',')}, ${config.baseDomain})`);
}

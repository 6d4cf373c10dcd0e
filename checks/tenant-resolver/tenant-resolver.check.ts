import { describe, expect, it } from 'vitest';
import { resolveTenant, type TenantConfig } from '../src/tenancy/tenant-resolver.js';

const config: TenantConfig = { baseDomain: 'tasks.example.com', knownTenants: new Set(['acme', 'globex', 'initech-2']) };

describe('resolveTenant', () => {
  it('takes the tenant from the subdomain, ignoring case and port', () => {
    expect(resolveTenant({ host: 'acme.tasks.example.com' }, config)).toEqual({ ok: true, tenantId: 'acme', source: 'subdomain' });
    expect(resolveTenant({ host: 'GLOBEX.Tasks.Example.com:8443' }, config)).toEqual({ ok: true, tenantId: 'globex', source: 'subdomain' });
  });

  it('takes the tenant from the token claim or the header, preferring the token', () => {
    expect(resolveTenant({ headerTenant: 'initech-2' }, config)).toEqual({ ok: true, tenantId: 'initech-2', source: 'header' });
    expect(resolveTenant({ tokenTenant: 'acme', host: 'acme.tasks.example.com', headerTenant: 'acme' }, config)).toEqual({
      ok: true, tenantId: 'acme', source: 'token',
    });
  });

  it('refuses a token of one tenant used against another tenant with 403 TENANT.MISMATCH', () => {
    expect(resolveTenant({ tokenTenant: 'acme', host: 'globex.tasks.example.com' }, config)).toEqual({ ok: false, status: 403, code: 'TENANT.MISMATCH' });
    expect(resolveTenant({ tokenTenant: 'acme', headerTenant: 'globex' }, config)).toMatchObject({ status: 403, code: 'TENANT.MISMATCH' });
    expect(resolveTenant({ host: 'acme.tasks.example.com', headerTenant: 'globex' }, config)).toMatchObject({ status: 403 });
  });

  it('ignores hosts outside the base domain, including look-alikes, and reserved subdomains', () => {
    for (const host of ['acme.tasks.example.com.evil.com', 'acme-tasks.example.com', 'evil.com', 'tasks.example.com', 'www.tasks.example.com', 'api.tasks.example.com']) {
      expect(resolveTenant({ host }, config), host).toEqual({ ok: false, status: 400, code: 'TENANT.MISSING' });
    }
    expect(resolveTenant({ host: 'acme.tasks.example.com.evil.com', tokenTenant: 'globex' }, config)).toMatchObject({ ok: true, tenantId: 'globex' });
  });

  it('rejects malformed tenant ids and nested subdomains with 400 TENANT.INVALID', () => {
    for (const headerTenant of ['ACME', 'acme;drop', '-acme', 'acme-', 'a'.repeat(64), '../globex']) {
      expect(resolveTenant({ headerTenant }, config), headerTenant).toEqual({ ok: false, status: 400, code: 'TENANT.INVALID' });
    }
    expect(resolveTenant({ host: 'x.acme.tasks.example.com' }, config)).toEqual({ ok: false, status: 400, code: 'TENANT.INVALID' });
  });

  it('answers 404 TENANT.UNKNOWN for a well-formed tenant that does not exist', () => {
    expect(resolveTenant({ host: 'umbrella.tasks.example.com' }, config)).toEqual({ ok: false, status: 404, code: 'TENANT.UNKNOWN' });
  });
});

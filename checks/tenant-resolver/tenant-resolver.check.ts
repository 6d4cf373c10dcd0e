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

  it('when the subdomain and the header agree, the source is the subdomain (token, then subdomain, then header)', () => {
    expect(resolveTenant({ host: 'acme.tasks.example.com', headerTenant: 'acme' }, config)).toEqual({ ok: true, tenantId: 'acme', source: 'subdomain' });
    expect(resolveTenant({ tokenTenant: 'globex', headerTenant: 'globex' }, config)).toEqual({ ok: true, tenantId: 'globex', source: 'token' });
  });

  it('the format is checked first: a malformed candidate is 400 TENANT.INVALID even when the candidates also disagree', () => {
    expect(resolveTenant({ tokenTenant: 'acme', headerTenant: 'Globex!' }, config)).toEqual({ ok: false, status: 400, code: 'TENANT.INVALID' });
    expect(resolveTenant({ tokenTenant: 'acme', host: 'x.globex.tasks.example.com' }, config)).toEqual({ ok: false, status: 400, code: 'TENANT.INVALID' });
  });

  it('disagreement comes before existence: candidates that disagree are 403 even when one is an unknown tenant', () => {
    expect(resolveTenant({ tokenTenant: 'umbrella', headerTenant: 'acme' }, config)).toEqual({ ok: false, status: 403, code: 'TENANT.MISMATCH' });
    expect(resolveTenant({ tokenTenant: 'acme', host: 'umbrella.tasks.example.com' }, config)).toEqual({ ok: false, status: 403, code: 'TENANT.MISMATCH' });
  });

  it('admin is reserved by default, and reservedSubdomains from the config replace the defaults', () => {
    expect(resolveTenant({ host: 'admin.tasks.example.com' }, config), 'admin with the default list').toEqual({ ok: false, status: 400, code: 'TENANT.MISSING' });
    const custom: TenantConfig = { ...config, knownTenants: new Set(['acme', 'www']), reservedSubdomains: ['status'] };
    expect(resolveTenant({ host: 'status.tasks.example.com' }, custom), 'status, reserved by the config').toEqual({ ok: false, status: 400, code: 'TENANT.MISSING' });
    expect(resolveTenant({ host: 'www.tasks.example.com' }, custom), 'www, not reserved by this config').toEqual({ ok: true, tenantId: 'www', source: 'subdomain' });
  });

  it('a tenant id of 63 characters is well-formed and 64 is not; one character is enough', () => {
    const longest = 'a'.repeat(63);
    const known: TenantConfig = { ...config, knownTenants: new Set([longest, 'x']) };
    expect(resolveTenant({ headerTenant: longest }, known), '63 characters').toEqual({ ok: true, tenantId: longest, source: 'header' });
    expect(resolveTenant({ headerTenant: 'x' }, known), 'one character').toEqual({ ok: true, tenantId: 'x', source: 'header' });
    expect(resolveTenant({ headerTenant: `${longest}a` }, known), '64 characters').toEqual({ ok: false, status: 400, code: 'TENANT.INVALID' });
  });

  it('an empty header or token counts as absent', () => {
    expect(resolveTenant({ headerTenant: '', tokenTenant: '' }, config)).toEqual({ ok: false, status: 400, code: 'TENANT.MISSING' });
    expect(resolveTenant({ headerTenant: '', host: 'acme.tasks.example.com' }, config)).toEqual({ ok: true, tenantId: 'acme', source: 'subdomain' });
  });
});

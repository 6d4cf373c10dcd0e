import { describe, expect, it } from 'vitest';
import { resolveApiVersion, type VersionPolicy } from '../src/api/api-version.js';

const SUNSET = 'Wed, 30 Sep 2026 00:00:00 GMT';
const policy: VersionPolicy = { supported: ['1', '2'], defaultVersion: '2', deprecated: { '1': { sunset: SUNSET } } };
const resolve = (path: string, headers: Record<string, string | string[] | undefined> = {}) => resolveApiVersion({ path, headers }, policy);

describe('resolveApiVersion', () => {
  it('takes the version from a /v<n> prefix and strips it from the path', () => {
    expect(resolve('/v1/tasks/7')).toMatchObject({ ok: true, version: '1', path: '/tasks/7' });
    expect(resolve('/v2')).toMatchObject({ ok: true, version: '2', path: '/' });
  });

  it('does not mistake other path segments for a version prefix', () => {
    expect(resolve('/v1tasks')).toMatchObject({ ok: true, version: '2', path: '/v1tasks' });
    expect(resolve('/tasks/v1')).toMatchObject({ ok: true, version: '2', path: '/tasks/v1' });
  });

  it('takes the version from X-API-Version (any case, arrays allowed) or a vendor Accept type', () => {
    expect(resolve('/tasks', { 'x-api-version': '1' })).toMatchObject({ ok: true, version: '1', path: '/tasks' });
    expect(resolve('/tasks', { 'X-Api-Version': ['1', '2'] })).toMatchObject({ ok: true, version: '1' });
    expect(resolve('/tasks', { accept: 'application/vnd.workbook.v1+json' })).toMatchObject({ ok: true, version: '1' });
  });

  it('reads the Accept header whatever the case of its name, and finds the vendor type among other media types', () => {
    expect(resolve('/tasks', { Accept: 'application/vnd.workbook.v1+json' })).toMatchObject({ ok: true, version: '1' });
    expect(resolve('/tasks', { accept: 'application/json, application/vnd.workbook.v1+json;q=0.9' })).toMatchObject({ ok: true, version: '1' });
  });

  it('refuses a request whose URI and Accept type name different versions', () => {
    expect(resolve('/v1/tasks', { accept: 'application/vnd.workbook.v2+json' })).toMatchObject({ ok: false, status: 400, code: 'API.VERSION_CONFLICT' });
  });

  it('reports a conflict before support: /v9 with X-API-Version 2 is API.VERSION_CONFLICT', () => {
    expect(resolve('/v9/tasks', { 'x-api-version': '2' })).toMatchObject({ ok: false, status: 400, code: 'API.VERSION_CONFLICT' });
  });

  it('falls back to the default version when the request names none', () => {
    expect(resolve('/tasks', { accept: 'application/json' })).toMatchObject({ ok: true, version: '2', path: '/tasks' });
  });

  it('refuses an unsupported version with 400 and a message listing the supported ones', () => {
    const r = resolve('/v9/tasks');
    expect(r).toMatchObject({ ok: false, status: 400, code: 'API.UNSUPPORTED_VERSION' });
    if (!r.ok) {
      expect(r.message).toContain('1');
      expect(r.message).toContain('2');
    }
    expect(resolve('/tasks', { 'x-api-version': 'banana' })).toMatchObject({ ok: false, code: 'API.UNSUPPORTED_VERSION' });
  });

  it('refuses a request whose URI and headers name different versions', () => {
    expect(resolve('/v1/tasks', { 'x-api-version': '2' })).toMatchObject({ ok: false, status: 400, code: 'API.VERSION_CONFLICT' });
    expect(resolve('/tasks', { 'x-api-version': '2', accept: 'application/vnd.workbook.v1+json' })).toMatchObject({ ok: false, code: 'API.VERSION_CONFLICT' });
    expect(resolve('/v1/tasks', { 'x-api-version': '1' }), 'agreeing sources are fine').toMatchObject({ ok: true, version: '1' });
  });

  it('announces the version on every response, and Deprecation and Sunset for a deprecated one', () => {
    const current = resolve('/v2/tasks');
    expect(current.ok && current.responseHeaders).toEqual({ 'API-Version': '2' });
    const old = resolve('/v1/tasks');
    expect(old.ok && old.responseHeaders).toEqual({ 'API-Version': '1', Deprecation: 'true', Sunset: SUNSET });
  });
});

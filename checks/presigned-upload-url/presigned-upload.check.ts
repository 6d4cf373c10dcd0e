import * as crypto from 'node:crypto';
import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createPresignedUpload, verifyPresignedUpload } from '../src/uploads/presigned-upload.js';

// Spy on timingSafeEqual however the learner imports node:crypto (named, namespace or default).
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = vi.fn(original.timingSafeEqual);
  return { ...original, timingSafeEqual, default: { ...original, timingSafeEqual } };
});

const SECRET = 'storage-signing-secret-0123456789';
const BASE = 'https://uploads.example.com/bucket';
const T0 = Date.parse('2026-06-01T12:00:00Z');
let ids = 0;
const options = (now = T0) => ({ secret: SECRET, baseUrl: BASE, now: () => now, newId: () => `id-${++ids}` });
const verifyAt = (now: number) => ({ secret: SECRET, baseUrl: BASE, now: () => now });
const pdf = { contentType: 'application/pdf', contentLength: 1_000 };
const issue = () => createPresignedUpload({ tenantId: 'acme', contentType: 'application/pdf', maxBytes: 5_000_000 }, options());

describe('pre-signed uploads', () => {
  it('issues a URL for a fresh tenant-scoped key, expiring ttl seconds from now', () => {
    const p = createPresignedUpload({ tenantId: 'acme', contentType: 'image/png', maxBytes: 1_000 }, { ...options(), ttlSeconds: 60 });
    expect(p.key).toMatch(/^tenants\/acme\/attachments\/id-\d+$/);
    expect(p.expiresAt).toBe(T0 / 1000 + 60);
    const url = new URL(p.url);
    expect(url.origin + url.pathname).toBe(`${BASE}/${p.key}`);
    expect(url.searchParams.get('expires')).toBe(String(T0 / 1000 + 60));
    expect(url.searchParams.get('contentType')).toBe('image/png');
    expect(url.searchParams.get('maxBytes')).toBe('1000');
    const signed = createHmac('sha256', SECRET).update(`PUT\n${p.key}\n${p.expiresAt}\nimage/png\n1000`).digest('hex');
    expect(url.searchParams.get('signature')).toBe(signed);
  });

  it('accepts the upload it signed, within the time limit', () => {
    const p = issue();
    expect(verifyPresignedUpload('PUT', p.url, pdf, verifyAt(T0 + 299_000))).toEqual({ ok: true, key: p.key });
  });

  it('refuses a URL whose key or parameters were changed, including a raised size limit', () => {
    const p = issue();
    const otherTenant = p.url.replace('tenants/acme/', 'tenants/globex/');
    expect(verifyPresignedUpload('PUT', otherTenant, pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const bigger = p.url.replace('maxBytes=5000000', 'maxBytes=9000000000');
    expect(verifyPresignedUpload('PUT', bigger, { ...pdf, contentLength: 8_000_000_000 }, verifyAt(T0))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const later = p.url.replace(`expires=${p.expiresAt}`, `expires=${p.expiresAt + 86_400}`);
    expect(verifyPresignedUpload('PUT', later, pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const html = p.url.replace('application%2Fpdf', 'text%2Fhtml');
    expect(verifyPresignedUpload('PUT', html, { ...pdf, contentType: 'text/html' }, verifyAt(T0))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses an expired URL, another method, another content type and a body over the limit', () => {
    const p = issue();
    expect(verifyPresignedUpload('PUT', p.url, pdf, verifyAt(T0 + 301_000))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyPresignedUpload('GET', p.url, pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'WRONG_METHOD' });
    expect(verifyPresignedUpload('PUT', p.url, { ...pdf, contentType: 'text/html' }, verifyAt(T0))).toEqual({ ok: false, reason: 'WRONG_CONTENT_TYPE' });
    expect(verifyPresignedUpload('PUT', p.url, { ...pdf, contentLength: 5_000_001 }, verifyAt(T0))).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });

  it('refuses malformed URLs and forged signatures', () => {
    const p = issue();
    expect(verifyPresignedUpload('PUT', p.url.replace(BASE, 'https://evil.example.com/bucket'), pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(verifyPresignedUpload('PUT', p.url.replace(/&signature=[0-9a-f]+/, ''), pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(verifyPresignedUpload('PUT', p.url.replace(/signature=[0-9a-f]+/, 'signature=abcd'), pdf, verifyAt(T0))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('compares the signature with crypto.timingSafeEqual', () => {
    const p = issue();
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(verifyPresignedUpload('PUT', p.url, pdf, verifyAt(T0))).toEqual({ ok: true, key: p.key });
    expect(spy, 'a correct signature must be compared with timingSafeEqual').toHaveBeenCalled();
  });

  it('is still valid at exactly `expires` and expired one millisecond later', () => {
    const p = issue();
    expect(verifyPresignedUpload('PUT', p.url, pdf, verifyAt(p.expiresAt * 1000))).toEqual({ ok: true, key: p.key });
    expect(verifyPresignedUpload('PUT', p.url, pdf, verifyAt(p.expiresAt * 1000 + 1))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('rounds expiresAt down to whole seconds when now() has milliseconds', () => {
    const p = createPresignedUpload({ tenantId: 'acme', contentType: 'image/png', maxBytes: 1 }, options(T0 + 999));
    expect(p.expiresAt).toBe(T0 / 1000 + 300);
    expect(new URL(p.url).searchParams.get('expires')).toBe(String(T0 / 1000 + 300));
  });

  it('reports the first failing check in the stated order', () => {
    const p = issue();
    const tampered = p.url.replace('maxBytes=5000000', 'maxBytes=5000001');
    expect(verifyPresignedUpload('GET', tampered, pdf, verifyAt(T0 + 600_000)), 'signature before expiry').toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyPresignedUpload('GET', p.url, pdf, verifyAt(T0 + 600_000)), 'expiry before method').toEqual({ ok: false, reason: 'EXPIRED' });
    const html = { contentType: 'text/html', contentLength: 9_000_000 };
    expect(verifyPresignedUpload('GET', p.url, html, verifyAt(T0)), 'method before content type').toEqual({ ok: false, reason: 'WRONG_METHOD' });
    expect(verifyPresignedUpload('PUT', p.url, html, verifyAt(T0)), 'content type before size').toEqual({ ok: false, reason: 'WRONG_CONTENT_TYPE' });
    const noSignature = p.url.replace(/&signature=[0-9a-f]+/, '').replace('maxBytes=5000000', 'maxBytes=1');
    expect(verifyPresignedUpload('PUT', noSignature, pdf, verifyAt(T0)), 'a missing parameter before the signature').toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('refuses tenant ids that could escape the tenant folder', () => {
    for (const tenantId of ['../globex', 'acme/../../x', 'ACME', '']) {
      expect(() => createPresignedUpload({ tenantId, contentType: 'image/png', maxBytes: 1 }, options()), tenantId).toThrow(RangeError);
    }
  });
});

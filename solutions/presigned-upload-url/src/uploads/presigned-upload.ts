import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UploadRequest {
  tenantId: string;
  contentType: string;
  maxBytes: number;
}

export interface PresignOptions {
  secret: string;
  /** e.g. https://uploads.example.com/bucket */
  baseUrl: string;
  /** Milliseconds. */
  now: () => number;
  newId: () => string;
  ttlSeconds?: number;
}

export type VerifyResult =
  | { ok: true; key: string }
  | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_METHOD' | 'WRONG_CONTENT_TYPE' | 'TOO_LARGE' };

/** Everything the URL grants is signed; anything unsigned could be edited by the client. */
const sign = (secret: string, key: string, expires: string, contentType: string, maxBytes: string) =>
  createHmac('sha256', secret).update(`PUT\n${key}\n${expires}\n${contentType}\n${maxBytes}`).digest('hex');

/** A short-lived URL allowing one PUT of this type and size to a fresh tenant-scoped key. */
export function createPresignedUpload(request: UploadRequest, options: PresignOptions): { url: string; key: string; expiresAt: number } {
  if (!/^[a-z0-9-]+$/.test(request.tenantId)) throw new RangeError(`tenantId "${request.tenantId}" may only contain a–z, 0–9 and -`);
  const key = `tenants/${request.tenantId}/attachments/${options.newId()}`;
  const expiresAt = Math.floor(options.now() / 1000) + (options.ttlSeconds ?? 300);
  const params = new URLSearchParams({
    expires: String(expiresAt),
    contentType: request.contentType,
    maxBytes: String(request.maxBytes),
  });
  params.set('signature', sign(options.secret, key, String(expiresAt), request.contentType, String(request.maxBytes)));
  return { url: `${options.baseUrl}/${key}?${params.toString()}`, key, expiresAt };
}

/** What storage does with an incoming upload: is it exactly what was signed, in time? */
export function verifyPresignedUpload(
  method: string,
  url: string,
  upload: { contentType: string; contentLength: number },
  options: { secret: string; baseUrl: string; now: () => number },
): VerifyResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  const base = new URL(options.baseUrl);
  const prefix = `${base.pathname.replace(/\/$/, '')}/`;
  if (parsed.origin !== base.origin || !parsed.pathname.startsWith(prefix)) return { ok: false, reason: 'MALFORMED' };
  const key = decodeURIComponent(parsed.pathname.slice(prefix.length));
  const [expires, contentType, maxBytes, signature] = ['expires', 'contentType', 'maxBytes', 'signature'].map((n) => parsed.searchParams.get(n));
  if (!key || !expires || !contentType || !maxBytes || !signature) return { ok: false, reason: 'MALFORMED' };

  const expected = Buffer.from(sign(options.secret, key, expires, contentType, maxBytes), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (options.now() / 1000 > Number(expires)) return { ok: false, reason: 'EXPIRED' };
  if (method.toUpperCase() !== 'PUT') return { ok: false, reason: 'WRONG_METHOD' };
  if (upload.contentType !== contentType) return { ok: false, reason: 'WRONG_CONTENT_TYPE' };
  if (upload.contentLength > Number(maxBytes)) return { ok: false, reason: 'TOO_LARGE' };
  return { ok: true, key };
}

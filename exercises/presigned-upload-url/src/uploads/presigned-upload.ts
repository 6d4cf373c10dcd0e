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

/** A short-lived URL allowing one PUT of this type and size to a fresh tenant-scoped key. */
export function createPresignedUpload(request: UploadRequest, options: PresignOptions): { url: string; key: string; expiresAt: number } {
  void [createHmac, timingSafeEqual];
  throw new Error(`Not implemented: createPresignedUpload (${request.tenantId}, ${options.baseUrl})`);
}

/** What storage does with an incoming upload: is it exactly what was signed, in time? */
export function verifyPresignedUpload(
  method: string,
  url: string,
  upload: { contentType: string; contentLength: number },
  options: { secret: string; baseUrl: string; now: () => number },
): VerifyResult {
  throw new Error(`Not implemented: verifyPresignedUpload (${method}, ${url}, ${upload.contentType}, ${options.baseUrl})`);
}

export type DetectedType = 'image/png' | 'image/jpeg' | 'image/gif' | 'application/pdf';

export interface Upload {
  fileName: string;
  /** The Content-Type the client sent: a claim, not a fact. */
  declaredType: string;
  bytes: Uint8Array;
}

export interface UploadPolicy {
  maxBytes: number;
  allowedTypes: readonly DetectedType[];
}

export type UploadErrorCode = 'UPLOAD.EMPTY' | 'UPLOAD.TOO_LARGE' | 'UPLOAD.UNKNOWN_TYPE' | 'UPLOAD.TYPE_NOT_ALLOWED' | 'UPLOAD.TYPE_MISMATCH';

export type UploadVerdict =
  | { ok: true; type: DetectedType; safeName: string }
  | { ok: false; errors: { code: UploadErrorCode; message: string }[] };

/** Checks an upload against the policy using its bytes, never the client's claims. */
export function validateUpload(upload: Upload, policy: UploadPolicy): UploadVerdict {
  throw new Error('Not implemented: validateUpload');
}

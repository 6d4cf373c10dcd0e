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

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Signatures ("magic bytes") at offset 0, with the extension we store the type under. */
const SIGNATURES: { type: DetectedType; ext: string; magic: number[][] }[] = [
  { type: 'image/png', ext: 'png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { type: 'image/jpeg', ext: 'jpg', magic: [[0xff, 0xd8, 0xff]] },
  { type: 'image/gif', ext: 'gif', magic: [ascii('GIF87a'), ascii('GIF89a')] },
  { type: 'application/pdf', ext: 'pdf', magic: [ascii('%PDF-')] },
];

const MAX_NAME = 100;

function detect(bytes: Uint8Array) {
  return SIGNATURES.find((s) => s.magic.some((m) => m.length <= bytes.length && m.every((b, i) => bytes[i] === b)));
}

/** A name that cannot escape the upload folder or smuggle another extension. */
export function safeFileName(fileName: string, ext: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, MAX_NAME - ext.length - 1);
  return `${stem || 'file'}.${ext}`;
}

/** Checks an upload against the policy using its bytes, never the client's claims. */
export function validateUpload(upload: Upload, policy: UploadPolicy): UploadVerdict {
  const errors: { code: UploadErrorCode; message: string }[] = [];
  const size = upload.bytes.length;
  if (size === 0) errors.push({ code: 'UPLOAD.EMPTY', message: 'the file is empty' });
  if (size > policy.maxBytes) errors.push({ code: 'UPLOAD.TOO_LARGE', message: `the file has ${size} bytes; the limit is ${policy.maxBytes}` });

  const found = detect(upload.bytes);
  if (!found) {
    if (size > 0) errors.push({ code: 'UPLOAD.UNKNOWN_TYPE', message: 'the content is not a PNG, JPEG, GIF or PDF file' });
  } else {
    if (!policy.allowedTypes.includes(found.type)) {
      errors.push({ code: 'UPLOAD.TYPE_NOT_ALLOWED', message: `${found.type} files are not accepted here` });
    }
    const declared = upload.declaredType.split(';')[0]!.trim().toLowerCase();
    if (declared !== found.type) {
      errors.push({ code: 'UPLOAD.TYPE_MISMATCH', message: `declared as ${declared || '(nothing)'} but the content is ${found.type}` });
    }
  }
  if (errors.length > 0 || !found) return { ok: false, errors };
  return { ok: true, type: found.type, safeName: safeFileName(upload.fileName, found.ext) };
}

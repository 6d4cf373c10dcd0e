import { describe, expect, it } from 'vitest';
import { validateUpload, type DetectedType, type UploadPolicy } from '../src/security/upload-validation.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR....pixels');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF data');
const GIF = bytes('GIF89a', 'frames');
const PDF = bytes('%PDF-1.7\n', 'objects');
const HTML = bytes('<html><script>alert(1)</script></html>');
const policy: UploadPolicy = { maxBytes: 1_000, allowedTypes: ['image/png', 'image/jpeg', 'image/gif', 'application/pdf'] };

const codes = (v: ReturnType<typeof validateUpload>) => (v.ok ? [] : v.errors.map((e) => e.code).sort());
const nameOf = (fileName: string, content = PNG, declaredType: DetectedType = 'image/png') => {
  const v = validateUpload({ fileName, declaredType, bytes: content }, policy);
  if (!v.ok) throw new Error(`expected ${fileName} to be accepted, got ${JSON.stringify(v.errors)}`);
  return v.safeName;
};
const SAFE = /^[A-Za-z0-9_-]+\.[a-z]+$/;

describe('validateUpload', () => {
  it('detects PNG, JPEG, GIF and PDF from their magic bytes', () => {
    const cases: [Uint8Array, DetectedType][] = [[PNG, 'image/png'], [JPEG, 'image/jpeg'], [GIF, 'image/gif'], [PDF, 'application/pdf']];
    for (const [content, type] of cases) {
      const v = validateUpload({ fileName: 'x', declaredType: type, bytes: content }, policy);
      expect(v, type).toMatchObject({ ok: true, type });
    }
  });

  it('detects both GIF signatures, GIF87a and GIF89a', () => {
    for (const magic of ['GIF87a', 'GIF89a']) {
      expect(validateUpload({ fileName: 'x', declaredType: 'image/gif', bytes: bytes(magic, 'frames') }, policy), magic).toMatchObject({ ok: true, type: 'image/gif' });
    }
  });

  it('needs the whole 8-byte PNG signature: the first 4 bytes alone are unknown content', () => {
    const almostPng = bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x00], 'pixels');
    expect(codes(validateUpload({ fileName: 'x.png', declaredType: 'image/png', bytes: almostPng }, policy))).toEqual(['UPLOAD.UNKNOWN_TYPE']);
  });

  it('reports UPLOAD.EMPTY alone for an empty upload (no UNKNOWN_TYPE: there is nothing to recognise)', () => {
    expect(codes(validateUpload({ fileName: 'e.png', declaredType: 'image/png', bytes: new Uint8Array() }, policy))).toEqual(['UPLOAD.EMPTY']);
  });

  it('reports both problems for content that is too large and unrecognised', () => {
    const bigHtml = new Uint8Array(1_001);
    bigHtml.set(HTML);
    expect(codes(validateUpload({ fileName: 'page.png', declaredType: 'image/png', bytes: bigHtml }, policy))).toEqual(['UPLOAD.TOO_LARGE', 'UPLOAD.UNKNOWN_TYPE']);
  });

  it('replaces (does not drop) every character outside A–Z a–z 0–9 _ - with _ (My Photo.PNG → My_Photo.png)', () => {
    expect(nameOf('My Photo.PNG')).toBe('My_Photo.png');
    expect(nameOf('a b<script>.png')).toBe('a_b_script_.png');
  });

  it('rejects content it does not recognise, whatever the client declares', () => {
    expect(codes(validateUpload({ fileName: 'cat.png', declaredType: 'image/png', bytes: HTML }, policy))).toEqual(['UPLOAD.UNKNOWN_TYPE']);
  });

  it('rejects a type outside the allow-list and a declared type that does not match the content', () => {
    const pngOnly: UploadPolicy = { ...policy, allowedTypes: ['image/png'] };
    expect(codes(validateUpload({ fileName: 'doc.pdf', declaredType: 'application/pdf', bytes: PDF }, pngOnly))).toEqual(['UPLOAD.TYPE_NOT_ALLOWED']);
    expect(codes(validateUpload({ fileName: 'doc.png', declaredType: 'image/png', bytes: PDF }, policy))).toEqual(['UPLOAD.TYPE_MISMATCH']);
  });

  it('compares the declared type case-insensitively and ignores its parameters', () => {
    expect(validateUpload({ fileName: 'a.png', declaredType: 'Image/PNG; charset=binary', bytes: PNG }, policy).ok).toBe(true);
  });

  it('rejects empty and oversized files, reporting every problem at once', () => {
    expect(codes(validateUpload({ fileName: 'e.png', declaredType: 'image/png', bytes: new Uint8Array() }, policy))).toContain('UPLOAD.EMPTY');
    const big = new Uint8Array(1_001);
    big.set(PDF);
    expect(codes(validateUpload({ fileName: 'big.pdf', declaredType: 'application/pdf', bytes: big }, policy))).toEqual(['UPLOAD.TOO_LARGE']);
    const exact = new Uint8Array(1_000);
    exact.set(PDF);
    expect(validateUpload({ fileName: 'ok.pdf', declaredType: 'application/pdf', bytes: exact }, policy).ok, 'exactly maxBytes is allowed').toBe(true);
    const pngOnly: UploadPolicy = { maxBytes: 1_000, allowedTypes: ['image/png'] };
    expect(codes(validateUpload({ fileName: 'big.pdf', declaredType: 'image/png', bytes: big }, pngOnly))).toEqual(
      ['UPLOAD.TOO_LARGE', 'UPLOAD.TYPE_MISMATCH', 'UPLOAD.TYPE_NOT_ALLOWED'],
    );
  });

  it('keeps an ordinary name and gives it the extension of the detected type', () => {
    expect(nameOf('diagram.png')).toBe('diagram.png');
    expect(nameOf('Quarterly-report_2026.pdf', PDF, 'application/pdf')).toBe('Quarterly-report_2026.pdf');
    expect(nameOf('holiday.jpeg', JPEG, 'image/jpeg')).toMatch(/^holiday\.jpe?g$/);
  });

  it('makes hostile names safe: no directories, no leading dots, no foreign extension, only safe characters', () => {
    for (const hostile of ['../../etc/passwd', '..\\..\\windows\\system.ini', '.htaccess', 'invoice.pdf.exe', 'a b<script>.png', '', '....', 'naïve café.png']) {
      const name = nameOf(hostile);
      expect(name, `safe name for "${hostile}"`).toMatch(SAFE);
      expect(name.endsWith('.png'), `"${name}" must end with the detected type's extension`).toBe(true);
      expect(name.includes('..')).toBe(false);
    }
    expect(nameOf('../../etc/passwd')).toMatch(/^passwd\.png$/);
  });

  it('limits the safe name to 100 characters', () => {
    const name = nameOf(`${'a'.repeat(300)}.png`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^a+\.png$/);
  });
});

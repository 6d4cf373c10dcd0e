// An exercise set travels inside the URL fragment of a link (never sent to any server):
// `#set=v1.<base64url of the deflate-raw compressed JSON>`.
import type { ExerciseSet } from '../schemas/exercise-set.ts';
import { parseSetValue } from './formats.ts';
import type { Parsed } from './parse-file.ts';

const PREFIX = 'v1.';
const PARAM = 'set';

/** Builds the link that hands `set` out; `assignPageUrl` is the absolute URL of the assign page. */
export async function encodeSetLink(set: ExerciseSet, assignPageUrl: string): Promise<string> {
  const compressed = await pipe(new TextEncoder().encode(JSON.stringify(set)), new CompressionStream('deflate-raw'));
  const url = new URL(assignPageUrl);
  url.hash = `${PARAM}=${PREFIX}${toBase64Url(compressed)}`;
  return url.toString();
}

/** Reads the set out of a link's fragment (`location.hash`), validating it. */
export async function decodeSetFragment(hash: string): Promise<Parsed<ExerciseSet>> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(PARAM);
  const source = 'The assignment link';
  if (!payload)
    return {
      ok: false,
      error: `${source} carries no exercise set (nothing after "#${PARAM}="). Open the full link your mentor sent.`,
    };
  if (!payload.startsWith(PREFIX)) {
    return {
      ok: false,
      error: `${source} uses an unknown encoding ("${payload.slice(0, 3)}…"; this workbook reads "${PREFIX}…"). Ask your mentor for a new link.`,
    };
  }
  let json: string;
  try {
    const bytes = fromBase64Url(payload.slice(PREFIX.length));
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    return {
      ok: false,
      error: `${source} is cut off or damaged: its data cannot be unpacked. Copy the whole link again, or ask your mentor for the set as a file.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: `${source} is damaged: its data is not JSON. Ask your mentor for a new link.` };
  }
  return parseSetValue(raw, source);
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Turns a pasted set link into this workbook's own assign page: only the `#set=…` fragment is kept,
 * so a link made on the mentor's host and port opens wherever the intern runs the workbook.
 */
export function localAssignHref(pasted: string, assignPath: string): Parsed<string> {
  const text = pasted.trim();
  const at = text.indexOf('#');
  const fragment = at >= 0 ? text.slice(at) : '';
  if (!new URLSearchParams(fragment.slice(1)).get(PARAM)) {
    return {
      ok: false,
      error: text
        ? `This is not an assignment link: it has no "#${PARAM}=…" part. Copy the whole link your mentor sent (it is long), or open the set file on the assignment page.`
        : 'Paste the link your mentor sent first.',
    };
  }
  return { ok: true, value: `${assignPath}${fragment}` };
}

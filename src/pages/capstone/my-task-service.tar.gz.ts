// The skeleton download, written into dist/ at build time (src/build/skeleton-download.ts).
import type { APIRoute } from 'astro';
import { skeletonArchive } from '../../build/skeleton-download.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(skeletonArchive(process.cwd())), { headers: { 'content-type': 'application/gzip' } });

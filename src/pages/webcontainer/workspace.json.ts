// /webcontainer/workspace.json: the tree the in-browser engine mounts (see webcontainer-workspace.ts).
// Fetched only when no local server answers and the WebContainer engine is chosen.
import type { APIRoute } from 'astro';
import { webcontainerWorkspace } from '../../build/webcontainer-workspace.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webcontainerWorkspace()), { headers: { 'content-type': 'application/json' } });

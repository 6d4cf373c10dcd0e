// The workbook's HTTP server: plug-in routes first (e.g. the grading API), then the built site.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './headers.ts';
import { serveStatic, type StaticOptions } from './static.ts';

/** A plug-in route: returns true when it handled the request, false to let the next one try. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface WorkbookServerOptions {
  /** The built site folder (dist/). */
  root: string;
  /** Tried in order before static files. */
  routes?: Route[];
  /** Rewrites every served HTML page (the grading API fills in its token this way); gets the request to check its Host. */
  transformHtml?: (html: string, req: IncomingMessage) => string;
}

export { SECURITY_HEADERS, CONTENT_SECURITY_POLICY, CONTENT_TYPES } from './headers.ts';

/** Creates (does not start) the server; every response carries SECURITY_HEADERS. */
export function createWorkbookServer({ root, routes = [], transformHtml }: WorkbookServerOptions): Server {
  const staticOptions = { root, transformHtml };
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    void handle(req, res, staticOptions, routes).catch((error: unknown) => {
      console.error(`server: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal error; see the server log\n');
      } else {
        res.destroy();
      }
    });
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  staticOptions: StaticOptions,
  routes: Route[],
): Promise<void> {
  for (const route of routes) {
    if (await route(req, res)) return;
  }
  await serveStatic(req, res, staticOptions);
}

/** Starts listening and resolves with the base URL, e.g. http://127.0.0.1:4321/. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve(`http://${shownHost}:${actual}/`);
    });
  });
}

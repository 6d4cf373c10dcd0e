// The node:http stand-in against Node's own module: the same handler, the same request, the same
// round trip as a client sees it (status, headers, body), the same request as the handler sees it,
// and the same errors. Only the Date header's value (the clock) and the port in Host differ.
import * as node from 'node:http';
import { describe, expect, it } from 'vitest';
import * as shim from './node-http.ts';
import { STATUS_CODES } from './node-http-status.ts';

type Http = typeof node | typeof shim;
type Handler = (req: node.IncomingMessage, res: node.ServerResponse) => void;

interface Seen {
  status: number | undefined;
  message: string | undefined;
  headers: Record<string, unknown>;
  body: string;
  request: { method: string | undefined; url: string | undefined; headers: Record<string, unknown>; body: string };
}

async function roundTrip(
  http: Http,
  handler: Handler,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Seen> {
  let request: Seen['request'] = { method: undefined, url: undefined, headers: {}, body: '' };
  const server = (http as typeof node).createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      // The port differs between the two servers; the rest of Host must not.
      const host = req.headers.host?.replace(/:\d+$/, ':<port>');
      request = { method: req.method, url: req.url, headers: { ...req.headers, host }, body };
      handler(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<Seen>((resolve, reject) => {
      const req = (http as typeof node).request(
        {
          host: '127.0.0.1',
          port,
          path: options.path ?? '/x',
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            const { date, ...headers } = res.headers;
            expect(typeof date).toBe('string');
            resolve({ status: res.statusCode, message: res.statusMessage, headers, body, request });
          });
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const same = async (handler: Handler, options?: Parameters<typeof roundTrip>[2]) => {
  const ours = await roundTrip(shim, handler, options);
  const theirs = await roundTrip(node, handler, options);
  expect(ours).toEqual(theirs);
  return theirs;
};

describe('node:http stand-in', () => {
  it('answers a JSON body as Node does: headers lowercased, content-length, keep-alive', async () => {
    const seen = await same((_req, res) => {
      res.setHeader('ETag', '"abc"');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ id: 't-1', title: 'é' }));
    });
    expect(seen.headers['content-length']).toBe('25');
  });

  it('sends no body for 304, 204 and HEAD, and none of the length headers for 304 and 204', async () => {
    await same(
      (_req, res) => {
        res.statusCode = 304;
        res.setHeader('ETag', '"abc"');
        res.end('{"ignored":true}');
      },
      { headers: { 'If-None-Match': '"abc"' } },
    );
    await same((_req, res) => res.writeHead(204).end('ignored'));
    await same((_req, res) => res.end('body of a HEAD'), { method: 'HEAD' });
  });

  it('merges writeHead headers, streams writes as chunked, joins repeated values, keeps set-cookie a list', async () => {
    await same((_req, res) => {
      res.setHeader('X-One', 1);
      res.writeHead(201, 'Made', { 'Content-Type': 'text/plain', 'X-List': ['a', 'b'] }).end('ok');
    });
    await same((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.write('one,');
      res.write(Buffer.from('two'));
      res.end();
    });
    await same((_req, res) => res.writeHead(404, ['X-A', '1', 'X-B', '2']).end());
  });

  it('gives the handler the method, url, lowercased headers (host, connection) and body Node gives', async () => {
    const seen = await same((_req, res) => res.end(), {
      method: 'POST',
      path: '/tasks?x=1',
      headers: { 'X-Request-Id': 'abc', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(seen.request.headers['x-request-id']).toBe('abc');
  });

  it('throws what Node throws for bad headers and for headers after the response started', async () => {
    const attempt = (http: Http, f: (res: node.ServerResponse) => void) =>
      roundTrip(http, (_req, res) => {
        let outcome = 'no error';
        try {
          f(res);
        } catch (error) {
          const e = error as Error & { code?: string };
          outcome = `${e.constructor.name} ${e.code} ${e.message}`;
        }
        if (!res.headersSent) res.statusCode = 200;
        res.end(outcome);
      });
    const cases: ((res: node.ServerResponse) => void)[] = [
      (res) => res.setHeader('Bad Name', 'x'),
      (res) => res.setHeader('X-Id', 'evil"}\n{"level":"info'),
      (res) => res.setHeader('X-Id', undefined as unknown as string),
      (res) => res.writeHead(42),
      (res) => {
        res.writeHead(200);
        res.setHeader('X-Late', '1');
      },
    ];
    for (const f of cases) expect((await attempt(shim, f)).body).toBe((await attempt(node, f)).body);
  });

  it('keeps the headers of a response and of a request as Node does: any case in, lowercased names out', async () => {
    type Outgoing = Pick<
      node.OutgoingMessage,
      'setHeader' | 'getHeader' | 'getHeaders' | 'getHeaderNames' | 'hasHeader' | 'removeHeader'
    >;
    const store = (message: Outgoing) => {
      message.setHeader('X-Trace', 'a');
      message.setHeader('x-trace', ['b', 'c']);
      message.setHeader('Content-Type', 'text/plain');
      message.setHeader('X-Gone', 1);
      message.removeHeader('x-GONE');
      // The port differs between the two servers; the rest of Host must not.
      const host = message.getHeader('host')?.toString().replace(/:\d+$/, ':<port>');
      if (host) message.setHeader('Host', host);
      return {
        trace: message.getHeader('X-TRACE'),
        has: [message.hasHeader('CONTENT-TYPE'), message.hasHeader('x-gone')],
        names: message.getHeaderNames(),
        all: { ...message.getHeaders() },
      };
    };
    // The response: what the handler reads back, and what the client receives.
    await same((_req, res) => res.end(JSON.stringify(store(res))));
    // The request: what the caller reads back before sending, and what the handler receives.
    const sent = (http: Http) =>
      new Promise<{ kept: unknown; received: Record<string, unknown> }>((resolve, reject) => {
        const server = (http as typeof node).createServer((req, res) => {
          const received = req.headers;
          res.end();
          server.close();
          resolve({ kept, received });
        });
        let kept: unknown;
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          const req = (http as typeof node).request({ host: '127.0.0.1', port, path: '/', method: 'POST' });
          kept = store(req);
          req.on('error', reject);
          req.end('body');
        });
      });
    expect(await sent(shim)).toEqual(await sent(node));
  });

  it('refuses a connection to a closed port with ECONNREFUSED', async () => {
    const refused = (http: Http) =>
      new Promise<string>((resolve) => {
        const server = (http as typeof node).createServer(() => undefined);
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => {
            const req = (http as typeof node).request({ host: '127.0.0.1', port, path: '/' }, () =>
              resolve('answered'),
            );
            req.on('error', (e: Error & { code?: string }) => resolve(String(e.code)));
            req.end();
          });
        });
      });
    expect(await refused(shim)).toBe(await refused(node));
  });

  it("holds Node's status texts", () => {
    expect(STATUS_CODES).toEqual(node.STATUS_CODES);
  });
});

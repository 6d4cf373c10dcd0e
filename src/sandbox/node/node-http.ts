// `node:http` for the grading worker: servers and requests inside the worker, no sockets. A check
// that starts a server on port 0 and requests it (etag-conditional-get) gets what Node's loopback
// round trip gives: the handler's req/res, headers lowercased on the client with Node's own
// additions (date, connection, keep-alive, content-length or chunked), no body for HEAD, 204 and
// 304, Node's errors for bad headers, ECONNREFUSED for a closed port. node-http.spec.ts compares it
// with Node's real module; the parity test proves the verdicts. Handlers run in later tasks, as
// after a socket read, so a handler that throws is an error outside any check (ignored, as by the
// local grader) and its request stays unanswered.
import { Buffer } from './node-buffer.ts';
import { STATUS_CODES } from './node-http-status.ts';

export { STATUS_CODES };
export const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

type Listener = (...args: never[]) => void;
/** The part of EventEmitter these objects need. */
class Emitter {
  readonly #listeners = new Map<string, { fn: Listener; once: boolean }[]>();
  on(event: string, fn: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { fn, once: false }]);
    return this;
  }
  addListener(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  once(event: string, fn: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { fn, once: true }]);
    return this;
  }
  off(event: string, fn: Listener): this {
    this.#listeners.set(
      event,
      (this.#listeners.get(event) ?? []).filter((l) => l.fn !== fn),
    );
    return this;
  }
  removeListener(event: string, fn: Listener): this {
    return this.off(event, fn);
  }
  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(event) ?? [];
    this.#listeners.set(
      event,
      listeners.filter((l) => !l.once),
    );
    for (const { fn } of listeners) (fn as (...a: unknown[]) => void)(...args);
    return listeners.length > 0;
  }
}

// Captured at load: a check's fake timers must not stop the "network".
const later = globalThis.setTimeout.bind(globalThis);
const nodeError = <E extends Error>(error: E, code: string) => Object.assign(error, { code });
const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

export function validateHeaderName(name: string): void {
  if (typeof name !== 'string' || !TOKEN.test(name))
    throw nodeError(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), 'ERR_INVALID_HTTP_TOKEN');
}
export function validateHeaderValue(name: string, value: unknown): void {
  if (value === undefined)
    throw nodeError(new TypeError(`Invalid value "${value}" for header "${name}"`), 'ERR_HTTP_INVALID_HEADER_VALUE');
  if (INVALID_VALUE.test(String(value)))
    throw nodeError(new TypeError(`Invalid character in header content ["${name}"]`), 'ERR_INVALID_CHAR');
}

type HeaderValue = string | number | string[];
const toBytes = (chunk: unknown, encoding?: unknown): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding) ?? 'utf8') : (chunk as Uint8Array);

/** Headers as Node's parser gives them: lowercased, repeated ones joined with ", " (set-cookie stays a list). */
function received(pairs: readonly [string, HeaderValue][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [raw, value] of pairs) {
    const name = raw.toLowerCase();
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    const before = out[name];
    if (name === 'set-cookie') out[name] = [...((before as string[] | undefined) ?? []), ...values];
    else out[name] = before === undefined ? values.join(', ') : `${before}, ${values.join(', ')}`;
  }
  return out;
}

/**
 * What ServerResponse and ClientRequest share, as in Node: the headers they will send, kept by
 * lowercased name with the name as written, settable until they are sent.
 */
class OutgoingMessage extends Emitter {
  headersSent = false;
  readonly #headers = new Map<string, [string, HeaderValue]>();
  setHeader(name: string, value: HeaderValue): this {
    if (this.headersSent)
      throw nodeError(new Error('Cannot set headers after they are sent to the client'), 'ERR_HTTP_HEADERS_SENT');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this.#headers.set(name.toLowerCase(), [name, value]);
    return this;
  }
  getHeader(name: string): HeaderValue | undefined {
    return this.#headers.get(name.toLowerCase())?.[1];
  }
  getHeaders(): Record<string, HeaderValue> {
    return Object.fromEntries([...this.#headers].map(([key, [, value]]) => [key, value]));
  }
  getHeaderNames(): string[] {
    return [...this.#headers.keys()];
  }
  hasHeader(name: string): boolean {
    return this.#headers.has(name.toLowerCase());
  }
  removeHeader(name: string): void {
    if (this.headersSent)
      throw nodeError(new Error('Cannot remove headers after they are sent to the client'), 'ERR_HTTP_HEADERS_SENT');
    this.#headers.delete(name.toLowerCase());
  }
  /** The headers set, with their names as written, in the order they were first set. */
  protected headerPairs(): [string, HeaderValue][] {
    return [...this.#headers.values()];
  }
}

export class IncomingMessage extends Emitter {
  method?: string;
  url?: string;
  statusCode?: number;
  statusMessage?: string;
  httpVersion = '1.1';
  headers: Record<string, string | string[]> = {};
  socket = { remoteAddress: '127.0.0.1', remotePort: 0, encrypted: false };
  complete = false;
  #encoding: BufferEncoding | undefined;
  setEncoding(encoding: BufferEncoding): this {
    this.#encoding = encoding;
    return this;
  }
  resume(): this {
    return this;
  }
  /** Delivers the body in a later task, so listeners attached now see it. */
  deliver(body: Uint8Array): void {
    later(() => {
      if (body.byteLength > 0) {
        const chunk = Buffer.from(body);
        this.emit('data', this.#encoding ? chunk.toString(this.#encoding) : chunk);
      }
      this.complete = true;
      this.emit('end');
      this.emit('close');
    }, 0);
  }
}

export class ServerResponse extends OutgoingMessage {
  statusCode = 200;
  statusMessage: string | undefined;
  sendDate = true;
  writableEnded = false;
  finished = false;
  readonly req: IncomingMessage;
  readonly #chunks: Uint8Array[] = [];
  readonly #done: (response: IncomingMessage) => void;
  constructor(req: IncomingMessage, done: (response: IncomingMessage) => void) {
    super();
    this.req = req;
    this.#done = done;
  }
  writeHead(statusCode: number, message?: string | object, headers?: object): this {
    if (this.headersSent)
      throw nodeError(new Error('Cannot write headers after they are sent to the client'), 'ERR_HTTP_HEADERS_SENT');
    const code = Number(statusCode);
    if (!Number.isInteger(code) || code < 100 || code > 999)
      throw nodeError(new RangeError(`Invalid status code: ${statusCode}`), 'ERR_HTTP_INVALID_STATUS_CODE');
    this.statusCode = code;
    if (typeof message === 'string') this.statusMessage = message;
    else headers = message;
    const pairs = Array.isArray(headers)
      ? Array.from({ length: headers.length / 2 }, (_, i) => [headers[2 * i], headers[2 * i + 1]])
      : Object.entries(headers ?? {});
    for (const [name, value] of pairs) this.setHeader(String(name), value as HeaderValue);
    this.headersSent = true;
    return this;
  }
  get #hasBody(): boolean {
    return this.req.method !== 'HEAD' && this.statusCode !== 204 && this.statusCode !== 304;
  }
  write(chunk: unknown, encoding?: unknown, callback?: () => void): boolean {
    if (this.writableEnded) return false;
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (this.#hasBody && chunk !== undefined && chunk !== null) this.#chunks.push(toBytes(chunk, encoding));
    if (typeof encoding === 'function') later(encoding as () => void, 0);
    else if (callback) later(callback, 0);
    return true;
  }
  end(chunk?: unknown, encoding?: unknown, callback?: () => void): this {
    if (typeof chunk === 'function') [callback, chunk] = [chunk as () => void, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding as () => void, undefined];
    if (this.writableEnded) return this;
    // Headers already out (writeHead or write) go without a length, as chunked, as in Node.
    const streamed = this.headersSent;
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (this.#hasBody && chunk !== undefined && chunk !== null) this.#chunks.push(toBytes(chunk, encoding));
    this.writableEnded = this.finished = true;
    const body = Buffer.concat(this.#chunks);
    const own = this.headerPairs();
    const has = (name: string) => this.hasHeader(name);
    const added: [string, string][] = [];
    if (this.sendDate && !has('date')) added.push(['Date', new Date().toUTCString()]);
    if (!has('connection')) added.push(['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5']);
    if (this.#hasBody && !has('content-length') && !has('transfer-encoding'))
      added.push(streamed ? ['Transfer-Encoding', 'chunked'] : ['Content-Length', String(body.byteLength)]);
    const response = new IncomingMessage();
    response.statusCode = this.statusCode;
    response.statusMessage = this.statusMessage ?? STATUS_CODES[this.statusCode] ?? 'unknown';
    response.headers = received([...own, ...added]);
    later(() => {
      this.emit('finish');
      this.emit('close');
      callback?.();
      this.#done(response);
      response.deliver(body);
    }, 0);
    return this;
  }
}

const servers = new Map<number, Server>();
let nextPort = 40_000;

export class Server extends Emitter {
  listening = false;
  #port = 0;
  #host = '::';
  constructor(listener?: (req: IncomingMessage, res: ServerResponse) => void) {
    super();
    if (listener) this.on('request', listener as Listener);
  }
  listen(...args: unknown[]): this {
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    const options =
      typeof args[0] === 'object' && args[0] !== null ? (args[0] as { port?: number; host?: string }) : {};
    const port = Number(typeof args[0] === 'number' ? args[0] : (options.port ?? 0));
    const host = typeof args[1] === 'string' ? args[1] : (options.host ?? '::');
    if (port !== 0 && servers.has(port)) {
      const error = nodeError(new Error(`listen EADDRINUSE: address already in use ${host}:${port}`), 'EADDRINUSE');
      later(() => this.emit('error', error), 0);
      return this;
    }
    this.#port = port === 0 ? nextPort++ : port;
    this.#host = host;
    servers.set(this.#port, this);
    this.listening = true;
    later(() => {
      this.emit('listening');
      callback?.();
    }, 0);
    return this;
  }
  address(): { address: string; family: string; port: number } | null {
    if (!this.listening) return null;
    return { address: this.#host, family: this.#host.includes(':') ? 'IPv6' : 'IPv4', port: this.#port };
  }
  close(callback?: (error?: Error) => void): this {
    const open = this.listening;
    if (open) servers.delete(this.#port);
    this.listening = false;
    later(() => {
      if (open) this.emit('close');
      callback?.(open ? undefined : nodeError(new Error('Server is not running.'), 'ERR_SERVER_NOT_RUNNING'));
    }, 0);
    return this;
  }
  closeAllConnections(): void {}
  closeIdleConnections(): void {}
}

export function createServer(...args: unknown[]): Server {
  return new Server(args.find((a) => typeof a === 'function') as ConstructorParameters<typeof Server>[0]);
}

interface RequestOptions {
  host?: string;
  hostname?: string;
  port?: number | string;
  path?: string;
  method?: string;
  headers?: Record<string, HeaderValue>;
}

export class ClientRequest extends OutgoingMessage {
  readonly method: string;
  readonly path: string;
  readonly #host: string;
  readonly #port: number;
  readonly #chunks: Uint8Array[] = [];
  #ended = false;
  constructor(options: RequestOptions, callback?: (res: IncomingMessage) => void) {
    super();
    this.#host = options.hostname ?? options.host ?? 'localhost';
    this.#port = Number(options.port ?? 80);
    this.method = (options.method ?? 'GET').toUpperCase();
    this.path = options.path ?? '/';
    for (const [name, value] of Object.entries(options.headers ?? {})) this.setHeader(name, value);
    // As Node: Host is one of the request's headers from the start (getHeader sees it).
    if (!this.hasHeader('host')) this.setHeader('Host', this.#port === 80 ? this.#host : `${this.#host}:${this.#port}`);
    if (callback) this.once('response', callback as Listener);
  }
  write(chunk: unknown, encoding?: unknown): boolean {
    if (chunk !== undefined && chunk !== null) this.#chunks.push(toBytes(chunk, encoding));
    return true;
  }
  end(chunk?: unknown, encoding?: unknown): this {
    if (typeof chunk === 'function') chunk = undefined;
    if (this.#ended) return this;
    this.#ended = true;
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    const host = this.#host;
    const port = this.#port;
    later(() => {
      const server = servers.get(port);
      if (!server) {
        const error = nodeError(new Error(`connect ECONNREFUSED ${host}:${port}`), 'ECONNREFUSED');
        this.emit('error', Object.assign(error, { errno: -111, syscall: 'connect', address: host, port }));
        return;
      }
      const body = Buffer.concat(this.#chunks);
      const req = new IncomingMessage();
      req.method = this.method;
      req.url = this.path;
      const pairs = this.headerPairs();
      if (!this.hasHeader('connection')) pairs.push(['Connection', 'keep-alive']);
      if (body.byteLength > 0 && !this.hasHeader('content-length'))
        pairs.push(['Content-Length', String(body.byteLength)]);
      req.headers = received(pairs);
      const res = new ServerResponse(req, (response) => this.emit('response', response));
      server.emit('request', req, res);
      req.deliver(body);
    }, 0);
    return this;
  }
  abort(): void {}
  destroy(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
}

export function request(
  target: string | URL | RequestOptions,
  options?: RequestOptions | ((res: IncomingMessage) => void),
  callback?: (res: IncomingMessage) => void,
): ClientRequest {
  if (typeof options === 'function') [callback, options] = [options, undefined];
  let resolved: RequestOptions = typeof target === 'object' && !(target instanceof URL) ? target : {};
  if (typeof target === 'string' || target instanceof URL) {
    const url = new URL(String(target));
    resolved = { hostname: url.hostname, port: url.port || 80, path: `${url.pathname}${url.search}` };
  }
  return new ClientRequest({ ...resolved, ...(options ?? {}) }, callback);
}

export function get(...args: Parameters<typeof request>): ClientRequest {
  return request(...args).end();
}

export default {
  STATUS_CODES,
  METHODS,
  IncomingMessage,
  ServerResponse,
  ClientRequest,
  Server,
  createServer,
  request,
  get,
  validateHeaderName,
  validateHeaderValue,
};

// Redis lets any connection re-authenticate (AUTH, HELLO … AUTH, RESET), and on a Redis whose
// `default` user has no password that means full rights, ACL or not. So the bridge logs every
// sandbox connection in as the run's ACL user itself and rewrites the client's commands so the
// connection can never change user: AUTH becomes a harmless command answering +OK, HELLO loses
// its AUTH clause, RESET (which ACL rules cannot deny) ends the connection. Inline (non-RESP) commands,
// which no client library sends, close the connection.

//
// ACL key patterns do not filter SCAN, which lists every key name in the database (other runs',
// other programs'): with the run's prefix given, each SCAN's MATCH is kept only when it cannot
// reach past the run's keys, and is otherwise (or when missing) `<prefix>*`; PUBSUB CHANNELS and
// SHARDCHANNELS likewise.

/** Splits a client's RESP stream into commands and re-encodes them, rewritten. */
export class RespGuard {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly prefix: string | undefined;

  /** `prefix`: the run's key and channel prefix, to which listings are confined. */
  constructor(prefix?: string) {
    this.prefix = prefix;
  }

  /** The bytes to forward, and whether the connection must then end (not RESP, or RESET). */
  push(chunk: Buffer): { forward: Buffer; close: boolean } {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    let close = false;
    while (this.buffer.length > 0) {
      const parsed = this.buffer[0] === 0x2a /* '*' */ ? parseCommand(this.buffer) : 'invalid';
      if (!parsed) break;
      const command = parsed === 'invalid' ? undefined : rewrite(parsed.args, this.prefix);
      if (parsed === 'invalid' || !command) {
        close = true;
        break;
      }
      out.push(encode(command));
      this.buffer = this.buffer.subarray(parsed.end);
    }
    return { forward: Buffer.concat(out), close };
  }
}

function readLine(buffer: Buffer, from: number): { line: string; next: number } | undefined {
  const end = buffer.indexOf('\r\n', from);
  return end < 0 ? undefined : { line: buffer.toString('latin1', from, end), next: end + 2 };
}

function parseCommand(buffer: Buffer): { args: Buffer[]; end: number } | 'invalid' | undefined {
  const head = readLine(buffer, 1);
  if (!head) return buffer.length > 64 ? 'invalid' : undefined;
  const count = Number(head.line);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) return 'invalid';
  const args: Buffer[] = [];
  let at = head.next;
  for (let i = 0; i < count; i++) {
    if (at >= buffer.length) return undefined;
    if (buffer[at] !== 0x24 /* '$' */) return 'invalid';
    const size = readLine(buffer, at + 1);
    if (!size) return undefined;
    const length = Number(size.line);
    if (!Number.isInteger(length) || length < 0) return 'invalid';
    if (size.next + length + 2 > buffer.length) return undefined;
    args.push(buffer.subarray(size.next, size.next + length));
    at = size.next + length + 2;
  }
  return { args, end: at };
}

/** True when every name `pattern` matches starts with the run's prefix or has `:<prefix>` (the ACL's key patterns). */
function confined(pattern: string, prefix: string, keys: boolean): boolean {
  const head = pattern.split(/[*?[\\]/)[0] ?? '';
  return head.startsWith(prefix) || (keys && head.includes(`:${prefix}`));
}

/** SCAN <cursor> [MATCH p] [COUNT n] [TYPE t]: every MATCH (Redis keeps the last) confined, one added when there is none. */
function confineScan(args: Buffer[], prefix: string): Buffer[] {
  const out = [...args];
  const own = Buffer.from(`${prefix}*`);
  let matched = false;
  for (let i = 2; i + 1 < out.length; i += 2) {
    if (out[i]?.toString('latin1').toUpperCase() !== 'MATCH') continue;
    matched = true;
    if (!confined(out[i + 1]?.toString('latin1') ?? '', prefix, true)) out[i + 1] = own;
  }
  return matched ? out : [...out, Buffer.from('MATCH'), own];
}

function rewrite(args: Buffer[], prefix: string | undefined): Buffer[] | undefined {
  const name = args[0]?.toString('latin1').toUpperCase();
  if (prefix && name === 'SCAN') return confineScan(args, prefix);
  const sub = args[1]?.toString('latin1').toUpperCase();
  if (prefix && name === 'PUBSUB' && (sub === 'CHANNELS' || sub === 'SHARDCHANNELS'))
    return confined(args[2]?.toString('latin1') ?? '', prefix, false)
      ? args
      : [args[0] as Buffer, args[1] as Buffer, Buffer.from(`${prefix}*`)];
  // RESET logs the connection out to `default`, and no ACL rule can deny it: the connection ends.
  if (name === 'RESET') return undefined;
  // Already logged in as the run's user: answer AUTH with the same +OK, changing nothing.
  if (name === 'AUTH') return [Buffer.from('CLIENT'), Buffer.from('REPLY'), Buffer.from('ON')];
  if (name !== 'HELLO') return args;
  const kept: Buffer[] = [];
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && args[i]?.toString('latin1').toUpperCase() === 'AUTH') i += 2;
    else kept.push(args[i] as Buffer);
  }
  return kept;
}

function encode(args: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) parts.push(Buffer.from(`$${arg.length}\r\n`), arg, Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** A RESP command as bytes (for the bridge's own AUTH). */
export function respCommand(args: string[]): Buffer {
  return encode(args.map((a) => Buffer.from(a)));
}

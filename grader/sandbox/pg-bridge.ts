// The shared PostgreSQL trusts local connections: whoever reaches it may name any role. So the
// sandbox never reaches it: it has no PostgreSQL socket and no network. Inside, the relay serves
// 127.0.0.1:5432 piped to a Unix socket on the host (this bridge), which reads each connection's
// startup message and lets it through only as the run's role, to the run's database. Everything
// after the startup is PostgreSQL's own business: the role owns nothing but its database, has no
// superuser, CREATEDB, CREATEROLE or REPLICATION, and a session cannot leave its database.
// Threats and answers:
// - another role (`postgres`) or another database in the connection string: refused here with a
//   PostgreSQL error (FATAL 28000) before PostgreSQL sees anything;
// - a replication connection: refused here (the role has no REPLICATION either);
// - `options` such as `-c role=postgres` or `-c session_authorization=postgres`: passed on, and
//   PostgreSQL refuses them (the role is a member of no other role and is no superuser);
// - TLS or GSS encryption requests: answered "N" (not available), as a server without TLS does;
//   the client then sends its startup in clear, which this bridge reads;
// - a cancel request (another connection's process id and secret key): passed on, PostgreSQL
//   checks the key; it cannot open a session.
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface PostgresRun {
  role: string;
  database: string;
  /** Milestone 4: databases whose name starts with this may be reached too (the role creates them). */
  databasePrefix?: string;
}

export interface PostgresBridge {
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 3 << 16;
const MAX_STARTUP = 10_000;

/** A PostgreSQL ErrorResponse (FATAL, invalid authorization 28000) the client library shows as is. */
export function postgresError(message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C28000\0M${message}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0, 'latin1');
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** The key/value parameters of a protocol-3 startup message (after length and version). */
function startupParameters(body: Buffer): Map<string, string> | undefined {
  const parts = body.toString('utf8').split('\0');
  // key\0value\0…\0\0 → the split ends with two empty strings.
  if (parts.length < 2 || parts.at(-1) !== '' || parts.at(-2) !== '' || parts.length % 2 !== 0) return undefined;
  const params = new Map<string, string>();
  for (let i = 0; i < parts.length - 2; i += 2) params.set(parts[i] as string, parts[i + 1] as string);
  return params;
}

/** Why this startup may not pass, or undefined when it is the run's role on the run's database. */
export function startupProblem(params: Map<string, string>, run: PostgresRun): string | undefined {
  const user = params.get('user');
  const database = params.get('database') ?? user;
  if (user !== run.role)
    return `this sandbox may connect to PostgreSQL only as role "${run.role}" (the one in DATABASE_URL), not "${user ?? ''}"`;
  const created = run.databasePrefix !== undefined && database?.startsWith(run.databasePrefix) === true;
  if (database !== run.database && !created)
    return `this sandbox may connect only to database "${run.database}" (the one in DATABASE_URL${run.databasePrefix ? `, or one it created named ${run.databasePrefix}…` : ''}), not "${database ?? ''}"`;
  if (params.has('replication')) return 'replication connections are not allowed from this sandbox';
  return undefined;
}

/** Host side: a Unix socket at `path` whose connections reach PostgreSQL at `target` only as `run`. */
export function bridgePostgres(
  path: string,
  target: { host: string; port: number },
  run: PostgresRun,
): Promise<PostgresBridge> {
  rmSync(path, { force: true });
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffer = Buffer.alloc(0);
    const refuse = (message: string) => {
      client.end(postgresError(message));
      client.destroySoon();
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 8) {
        const length = buffer.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP) return refuse('malformed startup message');
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          client.write('N');
          continue;
        }
        if (code !== CANCEL_REQUEST && code !== PROTOCOL_3)
          return refuse(`unsupported protocol ${code >> 16}.${code & 0xffff}`);
        let problem: string | undefined;
        if (code === PROTOCOL_3) {
          const params = startupParameters(message.subarray(8));
          problem = params ? startupProblem(params, run) : 'malformed startup message';
        }
        if (problem) return refuse(problem);
        client.off('data', onData);
        client.pause();
        const upstream = connect(target);
        sockets.add(upstream);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        upstream.on('error', end).on('close', end);
        client.on('close', end);
        upstream.write(message);
        if (buffer.length > 0) upstream.write(buffer);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        return;
      }
    };
    client.on('data', onData);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

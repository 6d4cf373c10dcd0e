// Runs INSIDE the service sandbox (trusted, started before the learner's code): listens on a Unix
// socket in the folder shared with the host and pipes each connection to 127.0.0.1:PORT of the
// sandbox's own network namespace, then starts the learner's `npm start` and exits with it.
// Threat: the service has no network at all; this socket is the only way in, and nothing leads out.
// With WORKBOOK_RELAY_REDIS=<socket> it also serves 127.0.0.1:6379 inside, piped to that socket
// (the host end logs in as the run's Redis ACL user; see sandbox/redis-bridge.ts), and with
// WORKBOOK_RELAY_POSTGRES=<socket> 127.0.0.1:5432 (the host end lets through only the run's role
// and database; see sandbox/pg-bridge.ts).
// Usage: node relay.ts <socket> <port> <command> [args…]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [socketPath, portText, command, ...args] = process.argv.slice(2);
const port = Number(portText);
if (!socketPath || !command || !Number.isInteger(port)) {
  console.error('relay: usage: node relay.ts <socket> <port> <command> [args…]');
  process.exit(2);
}

rmSync(socketPath, { force: true });
createServer((client) => {
  const service = connect(port, '127.0.0.1');
  const end = () => {
    client.destroy();
    service.destroy();
  };
  client.on('error', end).on('close', end);
  service.on('error', end).on('close', end);
  client.pipe(service);
  service.pipe(client);
}).listen(socketPath);

/** Serves 127.0.0.1:`port` inside, piped to the host's Unix socket named by `variable` (if set). */
function relayTo(variable: string, port: number): void {
  const socket = process.env[variable];
  delete process.env[variable];
  if (!socket) return;
  createServer((client) => {
    const host = connect(socket);
    const end = () => {
      client.destroy();
      host.destroy();
    };
    client.on('error', end).on('close', end);
    host.on('error', end).on('close', end);
    client.pipe(host);
    host.pipe(client);
  }).listen(port, '127.0.0.1');
}
relayTo('WORKBOOK_RELAY_REDIS', 6379);
relayTo('WORKBOOK_RELAY_POSTGRES', 5432);

const child = spawn(command, args, { stdio: 'inherit', env: process.env });
child.on('error', (error) => {
  console.error(`relay: could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));

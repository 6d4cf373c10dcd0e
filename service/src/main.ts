import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { loadConfig } from './config.js';

/** `npm run service`: reads the environment, starts on HOST:PORT (127.0.0.1:3000 by default). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Service').log(`Listening on ${await app.getUrl()} (OpenAPI at /openapi.json, health at /health)`);
}

// Last line of defence: every known async path handles its own errors, but a forgotten promise
// somewhere in a library must not take down the process with every request in flight. It is
// logged loudly so it gets fixed. (Uncaught exceptions still end the process: state may be corrupt.)
process.on('unhandledRejection', (reason) => {
  new Logger('Process').error(`Unhandled promise rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

main().catch((error: unknown) => {
  // Start-up failures (bad configuration, unreachable database) end the process with the reason.
  new Logger('Service').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

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

main().catch((error: unknown) => {
  // Start-up failures (bad configuration, unreachable database) end the process with the reason.
  new Logger('Service').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

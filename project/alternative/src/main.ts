import { settingsFrom } from './config.js';
import { buildService } from './server.js';

async function main(): Promise<void> {
  const settings = settingsFrom(process.env);
  const service = await buildService(settings);
  await service.app.listen(settings.port, settings.host);
  console.log(`Listening on http://${settings.host}:${settings.port}`);
  const stop = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

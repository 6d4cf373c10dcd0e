import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

// The workbook starts your service with `npm start` and these variables; keep reading them.
// PORT and HOST: where to listen. DATABASE_URL, REDIS_URL and REDIS_PREFIX are given on every check;
// milestone 1 does not need them.
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  const port = Number(process.env['PORT'] ?? 3000);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(port, host);
  console.log(`Listening on http://${host}:${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import type { ServiceConfig } from './config.js';
import { HttpMetrics, recordHttpMetrics } from './infrastructure/metrics/http-metrics.js';
import { ErrorFilter } from './presentation/http/error.filter.js';

export const BODY_LIMIT = '100kb';

/**
 * Builds the Nest application (not yet listening): used by main.ts and by the end-to-end tests,
 * so both run exactly the same stack.
 */
export async function createApp(config: ServiceConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  for (const warning of config.warnings) new Logger('Config').warn(warning);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false, // registered below with an explicit size limit
    abortOnError: false, // start-up errors are thrown (with their message), not process.abort()
    ...(options.logger === false && { logger: false }),
  });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // First, so every request is measured, including those that guards or routing turn away.
  app.use(recordHttpMetrics(app.get(HttpMetrics)));
  app.use(helmet());
  // Behind a TLS-terminating proxy, X-Forwarded-For names the client; trust only as many hops as there are proxies.
  app.set('trust proxy', config.trustProxyHops > 0 ? config.trustProxyHops : false);
  app.useGlobalFilters(new ErrorFilter());
  app.useWebSocketAdapter(new IoAdapter(app));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

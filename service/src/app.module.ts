import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APPLICATION_HANDLERS } from './application/handlers.js';
import type { ServiceConfig } from './config.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { HttpMetrics } from './infrastructure/metrics/http-metrics.js';
import { AuditController } from './presentation/http/audit.controller.js';
import { AuthRateLimitGuard, JwtAuthGuard, RolesGuard } from './presentation/http/auth.guards.js';
import { AuthController } from './presentation/http/auth.controller.js';
import { HealthController } from './presentation/http/health.controller.js';
import { MetricsController } from './presentation/http/metrics.controller.js';
import { OpenApiController } from './presentation/http/openapi.controller.js';
import { TasksController } from './presentation/http/tasks.controller.js';

/** The whole service: CQRS buses, the adapters chosen by `config`, handlers and controllers. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config)],
      controllers: [AuthController, TasksController, AuditController, HealthController, OpenApiController, MetricsController],
      providers: [...APPLICATION_HANDLERS, JwtAuthGuard, RolesGuard, AuthRateLimitGuard, HttpMetrics],
    };
  }
}

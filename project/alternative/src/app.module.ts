import { type DynamicModule, Module } from '@nestjs/common';
import { BearerGuard } from './web/bearer.js';
import { CONTEXT, type Context } from './web/context.js';
import { AuthController, MetaController, TasksController } from './web/controllers.js';

@Module({})
export class AppModule {}

/** Nest only carries HTTP here: the use cases are built by src/server.ts and handed in as one value. */
export function appModule(context: Context): DynamicModule {
  return {
    module: AppModule,
    controllers: [AuthController, TasksController, MetaController],
    providers: [{ provide: CONTEXT, useValue: context }, BearerGuard],
  };
}

import { Module } from '@nestjs/common';

/** Empty on purpose: milestone 1 starts here. Add your modules, controllers and providers. */
@Module({})
export class AppModule {}

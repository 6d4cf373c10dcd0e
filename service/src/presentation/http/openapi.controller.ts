import { Controller, Get } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi.js';

@Controller('openapi.json')
export class OpenApiController {
  private readonly document = buildOpenApiDocument();

  @Get()
  get(): object {
    return this.document;
  }
}

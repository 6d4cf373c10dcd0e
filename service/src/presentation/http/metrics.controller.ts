import { Controller, Get, Header, Inject } from '@nestjs/common';
import { HttpMetrics } from '../../infrastructure/metrics/http-metrics.js';

/**
 * Prometheus scrapes this. It carries no user data, only counts and timings, but it does reveal
 * traffic: expose it on the internal network only (the proxy in front does not route /metrics).
 */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(HttpMetrics) private readonly metrics: HttpMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  scrape(): string {
    return this.metrics.render();
  }
}

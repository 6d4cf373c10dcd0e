import { Injectable } from '@nestjs/common';
import { type HistogramSeries, type MetricFamily, renderExposition } from './exposition.js';

/** Latency bounds in seconds: fine below 100 ms where the API should live, coarse above. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The RED signals of the HTTP API: request rate and errors (a counter per method, route and
 * status) and duration (a histogram per method and route). Routes are patterns such as
 * /tasks/:id, never raw paths: one series per task id would grow without bound.
 */
@Injectable()
export class HttpMetrics {
  private readonly requests = new Map<string, { labels: Record<string, string>; value: number }>();
  private readonly durations = new Map<string, HistogramSeries>();

  record(method: string, route: string, status: number, seconds: number): void {
    const counterLabels = { method, route, status: String(status) };
    const counterKey = JSON.stringify(counterLabels);
    const counter = this.requests.get(counterKey) ?? { labels: counterLabels, value: 0 };
    counter.value += 1;
    this.requests.set(counterKey, counter);

    const seriesKey = JSON.stringify([method, route]);
    let series = this.durations.get(seriesKey);
    if (!series) {
      series = { labels: { method, route }, bucketCounts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(seriesKey, series);
    }
    const bucket = DURATION_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) series.bucketCounts[bucket] = (series.bucketCounts[bucket] ?? 0) + 1;
    series.sum += seconds;
    series.count += 1;
  }

  families(): MetricFamily[] {
    return [
      {
        type: 'counter',
        name: 'http_requests_total',
        help: 'HTTP requests answered, by method, route pattern and status code.',
        samples: [...this.requests.values()],
      },
      {
        type: 'histogram',
        name: 'http_request_duration_seconds',
        help: 'Time from receiving an HTTP request to finishing its response, by method and route pattern.',
        buckets: DURATION_BUCKETS,
        series: [...this.durations.values()],
      },
    ];
  }

  render(): string {
    return renderExposition(this.families());
  }
}

/** The parts of Express's request and response the middleware reads. */
interface MeasuredRequest {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown };
}
interface MeasuredResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Express middleware: times every request and records it when the response is finished (or the
 * connection closes first), including 401s from guards and 404s no route matched.
 */
export function recordHttpMetrics(metrics: HttpMetrics) {
  return (req: MeasuredRequest, res: MeasuredResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pattern = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      metrics.record(req.method, pattern, res.statusCode, seconds);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

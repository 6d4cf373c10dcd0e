export interface HealthCheck {
  name: string;
  /** Default true: a critical check that is down takes the instance out of rotation. */
  critical?: boolean;
  check(signal: AbortSignal): Promise<unknown>;
}

export interface CheckResult {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  httpStatus: 200 | 503;
  checks: Record<string, CheckResult>;
}

/** Runs every check concurrently, each under `timeoutMs`, and aggregates the result. */
export async function runHealthChecks(checks: readonly HealthCheck[], options: { timeoutMs: number }): Promise<HealthReport> {
  throw new Error(`Not implemented: runHealthChecks (${checks.length} checks, ${options.timeoutMs} ms)`);
}

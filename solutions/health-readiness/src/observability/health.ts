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

/** One check under a deadline; never rejects. */
async function runOne(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`${check.name} timed out`));
      resolve({ status: 'down', durationMs: timeoutMs, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const attempt = (async (): Promise<CheckResult> => {
    try {
      await check.check(controller.signal);
      return { status: 'up', durationMs: performance.now() - started };
    } catch (error) {
      return { status: 'down', durationMs: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check concurrently, each under `timeoutMs`, and aggregates the result. */
export async function runHealthChecks(checks: readonly HealthCheck[], options: { timeoutMs: number }): Promise<HealthReport> {
  const names = new Set<string>();
  for (const c of checks) {
    if (names.has(c.name)) throw new Error(`health check "${c.name}" is registered twice; names must be unique`);
    names.add(c.name);
  }
  const results = await Promise.all(checks.map((c) => runOne(c, options.timeoutMs)));
  const downCritical = checks.some((c, i) => results[i]!.status === 'down' && c.critical !== false);
  const downAny = results.some((r) => r.status === 'down');
  return {
    status: downCritical ? 'down' : downAny ? 'degraded' : 'ok',
    httpStatus: downCritical ? 503 : 200,
    checks: Object.fromEntries(checks.map((c, i) => [c.name, results[i]!])),
  };
}

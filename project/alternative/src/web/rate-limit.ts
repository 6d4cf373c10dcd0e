import type { Next, Req, Res } from './http-types.js';
import { Problem } from '../core/problem.js';
import { sendProblem } from './problem-filter.js';

/** A sliding window per client address: at most `max` requests in `windowMs`, then 429 + Retry-After. */
export function slidingWindow(max: number, windowMs: number, now: () => number = Date.now) {
  const seen = new Map<string, number[]>();
  return (req: Req, res: Res, next: Next): void => {
    const at = now();
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const recent = (seen.get(address) ?? []).filter((t) => t > at - windowMs);
    if (recent.length >= max) {
      const oldest = recent[0] ?? at;
      const seconds = Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
      res.setHeader('Retry-After', String(seconds));
      seen.set(address, recent);
      sendProblem(res, new Problem(429, 'RATE.LIMITED', `Too many requests to /auth; try again in ${seconds} s.`));
      return;
    }
    recent.push(at);
    seen.set(address, recent);
    next();
  };
}

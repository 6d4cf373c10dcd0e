/** The current time, injected so tests can pin it instead of racing the real clock. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

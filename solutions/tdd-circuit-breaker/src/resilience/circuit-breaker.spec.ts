import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';

let t: number;
let breaker: CircuitBreaker;
const boom = () => Promise.reject(new Error('provider down'));
const fail = () => expect(breaker.call(boom)).rejects.toThrow('provider down');
const ok = () => breaker.call(async () => 'ok');

beforeEach(() => {
  t = 0;
  breaker = new CircuitBreaker({ failureThreshold: 3, resetTimeoutMs: 1_000, now: () => t });
});

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and opens at exactly the threshold', async () => {
    await fail();
    await fail();
    expect(breaker.state).toBe('CLOSED');
    await fail();
    expect(breaker.state).toBe('OPEN');
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    await fail();
    await fail();
    expect(await ok()).toBe('ok');
    await fail();
    await fail();
    expect(breaker.state).toBe('CLOSED');
  });

  it('refuses calls while open without calling the dependency', async () => {
    for (let i = 0; i < 3; i++) await fail();
    const dependency = vi.fn(async () => 'ok');
    t = 999;
    await expect(breaker.call(dependency)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(dependency).not.toHaveBeenCalled();
  });

  it('lets a trial call through after the reset timeout and closes when it succeeds', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t = 1_000;
    const dependency = vi.fn(async () => 'recovered');
    expect(await breaker.call(dependency)).toBe('recovered');
    expect(dependency).toHaveBeenCalledTimes(1);
    expect(breaker.state).toBe('CLOSED');
  });

  it('opens again when the trial call fails, restarting the timeout', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t = 1_000;
    await fail();
    expect(breaker.state).toBe('OPEN');
    t = 1_500;
    await expect(ok()).rejects.toBeInstanceOf(CircuitOpenError);
    t = 2_000;
    expect(await ok()).toBe('ok');
  });

  it('rethrows the dependency\'s own error object, unchanged', async () => {
    const error = new Error('provider down');
    await expect(breaker.call(() => Promise.reject(error))).rejects.toBe(error);
  });

  it('refuses with code CIRCUIT.OPEN while open', async () => {
    for (let i = 0; i < 3; i++) await fail();
    await expect(ok()).rejects.toMatchObject({ code: 'CIRCUIT.OPEN' });
  });

  it('lets a single trial through while half-open and refuses the calls that arrive during it', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t = 1_000;
    let finish!: (value: string) => void;
    const trial = breaker.call(() => new Promise<string>((resolve) => (finish = resolve)));
    const other = vi.fn(async () => 'second');
    await expect(breaker.call(other), 'a call during the trial').rejects.toBeInstanceOf(CircuitOpenError);
    expect(other).not.toHaveBeenCalled();
    finish('recovered');
    expect(await trial).toBe('recovered');
    expect(breaker.state).toBe('CLOSED');
  });

  it('starts counting from zero again after a successful trial', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t = 1_000;
    expect(await ok()).toBe('ok');
    await fail();
    await fail();
    expect(breaker.state, 'two failures after recovery are below the threshold of 3').toBe('CLOSED');
  });
});

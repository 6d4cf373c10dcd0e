// `node:util` for NestJS in the grading worker: the few functions Nest's common, core and testing
// packages import (inspect for log lines, types, isDeepStrictEqual for the testing logger), plus
// format, promisify and inherits that service code may use.
export function inspect(value: unknown, options?: { depth?: number | null }): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    const seen = new WeakSet<object>();
    return (
      JSON.stringify(
        value,
        (_key, v: unknown) => {
          if (typeof v === 'bigint') return `${v}n`;
          if (typeof v === 'object' && v !== null) {
            if (seen.has(v)) return '[Circular]';
            seen.add(v);
          }
          return v;
        },
        options?.depth === 0 ? undefined : 2,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

export function format(template: unknown, ...args: unknown[]): string {
  if (typeof template !== 'string')
    return [template, ...args].map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  let i = 0;
  const text = template.replace(/%[sdifjoO%]/g, (token) => {
    if (token === '%%') return '%';
    if (i >= args.length) return token;
    const arg = args[i++];
    if (token === '%s') return typeof arg === 'string' ? arg : inspect(arg);
    if (token === '%d' || token === '%i')
      return String(token === '%i' ? Number.parseInt(String(arg), 10) : Number(arg));
    if (token === '%f') return String(Number.parseFloat(String(arg)));
    return inspect(arg);
  });
  return [text, ...args.slice(i).map((a) => (typeof a === 'string' ? a : inspect(a)))].join(' ');
}

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof Map || a instanceof Set) {
    const x = [...a.entries()];
    const y = [...(b as Map<unknown, unknown>).entries()];
    return x.length === y.length && x.every((entry, i) => isDeepStrictEqual(entry, y[i]));
  }
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (k) =>
        keysB.includes(k) &&
        isDeepStrictEqual((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
    )
  );
}

export function promisify<T>(fn: (...args: unknown[]) => void): (...args: unknown[]) => Promise<T> {
  return (...args) =>
    new Promise<T>((resolve, reject) =>
      fn(...args, (error: unknown, value: T) => (error ? reject(error) : resolve(value))),
    );
}

export function inherits(child: { prototype: object }, parent: { prototype: object }): void {
  if (typeof parent?.prototype !== 'object')
    throw new TypeError('The "superCtor.prototype" property must be of type object');
  Object.setPrototypeOf(child.prototype, parent.prototype);
  Object.setPrototypeOf(child, parent);
}

export const types = {
  isAnyArrayBuffer: (v: unknown) =>
    v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer),
  isTypedArray: (v: unknown) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isPromise: (v: unknown) => v instanceof Promise,
  isDate: (v: unknown) => v instanceof Date,
  isRegExp: (v: unknown) => v instanceof RegExp,
};

export default { inspect, format, isDeepStrictEqual, promisify, inherits, types };

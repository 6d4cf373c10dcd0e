// Threat: the deep-equality matchers (toEqual and friends) ask an *actual* value whether it equals
// the expected one when it looks like an asymmetric matcher (it has an `asymmetricMatch` method,
// as `expect.anything()` does). Learner code that returns such an object, or a Proxy that
// pretends to be one, passes every toEqual check without computing anything; so can a getter or a
// custom iterator that turns into one while the matcher reads it. Checks never need a matcher on
// the actual side, so before these matchers run, the actual value is walked (with functions
// captured before learner code loads) and refused when it contains any of those.
import { types } from 'node:util';

const isProxy = types.isProxy;
const apply = Reflect.apply;
const ownKeys = Reflect.ownKeys;
const getDescriptor = Reflect.getOwnPropertyDescriptor;
const getPrototypeOf = Reflect.getPrototypeOf;
const define = Reflect.defineProperty;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const isMap = types.isMap;
const isSet = types.isSet;
const ITERATOR = Symbol.iterator;
const G = globalThis as unknown as Record<string, { prototype?: Record<PropertyKey, unknown> } | undefined>;
/**
 * Built-in iterators read the object's own contents, which the walk sees too. The prototypes that
 * integrity.ts locks (their iterator becomes a read-only accessor) are trusted as they are; the
 * others only while their iterator is still the original.
 */
const LOCKED_PROTOTYPES: unknown[] = [
  Array.prototype,
  Map.prototype,
  Set.prototype,
  String.prototype,
  getPrototypeOf(Uint8Array.prototype),
];
const OTHER_ITERATORS = new Map<unknown, unknown>(
  ['Headers', 'URLSearchParams', 'FormData']
    .map((name) => G[name]?.prototype)
    .filter((proto) => proto !== undefined)
    .map((proto) => [proto, proto[ITERATOR]]),
);
const builtInIterator = (level: object, desc: PropertyDescriptor) =>
  LOCKED_PROTOTYPES.includes(level) ||
  ('value' in desc && OTHER_ITERATORS.has(level) && OTHER_ITERATORS.get(level) === desc.value);
const MAX_NODES = 200_000;
/** Locked by integrity.ts: its `message` is a read-only accessor there, and the original string. */
const ERROR_PROTOTYPE = Error.prototype;

/** An own property's value, reading a getter once (a spy's state is the grader's own object). */
function read(target: object, key: string): unknown {
  const desc = getDescriptor(target, key);
  return desc && ('value' in desc ? desc.value : desc.get ? apply(desc.get, target, []) : undefined);
}

/** Matchers that compare their actual value deeply (and so may consult its asymmetricMatch). */
export const EQUALITY_MATCHERS = [
  'toEqual',
  'toStrictEqual',
  'toMatchObject',
  'toContainEqual',
  'toHaveProperty',
  'toBeOneOf',
  'toHaveBeenCalledWith',
  'toHaveBeenLastCalledWith',
  'toHaveBeenNthCalledWith',
  'toHaveBeenCalledExactlyOnceWith',
  'toHaveReturnedWith',
  'toHaveLastReturnedWith',
  'toHaveNthReturnedWith',
  'toHaveResolvedWith',
  'toHaveLastResolvedWith',
  'toHaveNthResolvedWith',
  'eql',
  'eqls',
  'equal',
  'equals',
  'eq',
];

/** Why `value` cannot be compared honestly, or undefined when it can. */
export function untrustworthy(value: unknown): string | undefined {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  let nodes = 0;
  while (stack.length > 0) {
    const current = stack[stack.length - 1];
    stack.length -= 1;
    if ((typeof current !== 'object' && typeof current !== 'function') || current === null) continue;
    if (apply(weakSetHas, seen, [current])) continue;
    apply(weakSetAdd, seen, [current]);
    if (++nodes > MAX_NODES) return `it holds more than ${MAX_NODES} objects`;
    if (isProxy(current)) return 'it is or holds a Proxy, which can answer differently each time it is asked';
    // The prototype chain, level by level (a Proxy there would answer `in` as it pleases).
    let trustedIterator = true;
    let foundIterator = false;
    for (let level: object | null = current; level !== null; level = getPrototypeOf(level)) {
      if (level !== current && isProxy(level)) return 'its prototype is a Proxy';
      if (getDescriptor(level, 'asymmetricMatch'))
        return 'it has an asymmetricMatch method: it would decide for itself what it equals';
      const it = getDescriptor(level, ITERATOR);
      if (it && !foundIterator) {
        foundIterator = true;
        trustedIterator = builtInIterator(level, it);
      }
    }
    if (!trustedIterator) return 'it has an iterator of its own, which can yield something else each time';
    if (types.isTypedArray(current) || types.isArrayBuffer(current)) continue; // numbers only
    if (typeof current === 'function') {
      // A spy: its recorded calls and results are what the call matchers compare.
      const record = read(current, 'mock');
      if (typeof record === 'object' && record !== null && !isProxy(record)) {
        for (const key of ['calls', 'results', 'settledResults', 'contexts']) stack[stack.length] = read(record, key);
      }
      continue;
    }
    const keys = ownKeys(current);
    for (let i = 0; i < keys.length; i++) {
      const desc = getDescriptor(current, keys[i] as PropertyKey);
      if (!desc) continue;
      if ('value' in desc) stack[stack.length] = desc.value;
      else if (desc.enumerable && desc.get)
        return `its property "${String(keys[i])}" is a getter, which can answer differently each time it is read`;
    }
    if (isMap(current))
      apply(mapForEach, current, [
        (v: unknown, k: unknown) => {
          stack[stack.length] = k;
          stack[stack.length] = v;
        },
      ]);
    else if (isSet(current))
      apply(setForEach, current, [
        (v: unknown) => {
          stack[stack.length] = v;
        },
      ]);
  }
  return undefined;
}

/**
 * Why a thrown value cannot be compared, or undefined. Threat: toThrow('text') and toThrow(/re/)
 * call `thrown.message.indexOf(…)` / `re.test(thrown.message)`, so a `message` that is an object
 * with its own indexOf (or a getter) matches any text.
 */
export function untrustworthyThrown(thrown: unknown): string | undefined {
  if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null) return undefined;
  const why = untrustworthy(thrown);
  if (why) return why;
  for (let level: object | null = thrown; level !== null && level !== ERROR_PROTOTYPE; level = getPrototypeOf(level)) {
    const desc = getDescriptor(level, 'message');
    if (!desc) continue;
    if ('value' in desc) {
      if (desc.value !== undefined && typeof desc.value !== 'string') return 'its message is not a string';
      break;
    }
    // A getter (ZodError has one): read once, and pinned so the matcher reads that same string.
    const message = desc.get ? apply(desc.get, thrown, []) : undefined;
    if (typeof message !== 'string') return 'its message is not a string';
    if (!define(thrown, 'message', { value: message, writable: true, enumerable: false, configurable: true }))
      return 'its message cannot be pinned';
    break;
  }
  return undefined;
}

type Flag = (assertion: object, key: string, value?: unknown) => unknown;
const THROW_MATCHERS = ['toThrow', 'toThrowError', 'throw', 'throws', 'Throw'];

/**
 * Wraps the equality and throw matchers of chai's Assertion.prototype (before it is locked) so
 * that they refuse an untrustworthy actual (or thrown) value: the assertion fails and says why.
 */
export function guardEqualityMatchers(prototype: Record<string, unknown>, flag: Flag): void {
  const wrap = (name: string, guard: (assertion: object) => void) => {
    const desc = getDescriptor(prototype, name);
    if (!desc || typeof desc.value !== 'function' || !desc.writable) return;
    const original = desc.value as (...args: unknown[]) => unknown;
    prototype[name] = function guarded(this: object, ...args: unknown[]) {
      guard(this);
      return apply(original, this, args);
    };
  };
  for (const name of EQUALITY_MATCHERS) {
    wrap(name, (assertion) => {
      const why = untrustworthy(flag(assertion, 'object'));
      if (why)
        throw new Error(
          `The value given to ${name}() cannot be compared: ${why}. Return plain data (objects, arrays, Maps, Sets, class instances) from your code.`,
        );
    });
  }
  const refuseThrown = (why: string) =>
    new Error(
      `The value your code threw cannot be compared: ${why}. Throw an Error (or a subclass) with a string message.`,
    );
  for (const name of THROW_MATCHERS) {
    wrap(name, (assertion) => {
      const actual = flag(assertion, 'object');
      if (typeof actual !== 'function') {
        const why = untrustworthyThrown(actual);
        if (why) throw refuseThrown(why);
        return;
      }
      // The matcher calls the function itself: what it throws is looked at before it compares.
      flag(assertion, 'object', function checked(this: unknown, ...args: unknown[]) {
        try {
          return apply(actual as (...a: unknown[]) => unknown, this, args);
        } catch (error) {
          const why = untrustworthyThrown(error);
          if (why) throw refuseThrown(why);
          throw error;
        }
      });
    });
  }
}

// Preloaded (node --import) into the kept Vitest worker, before Vitest and before any learner code.
// Threat: learner code runs in this same process and realm as the hidden checks, so it can reach
// everything reachable from globalThis: Vitest's rpc, the reporter's task objects, chai, expect,
// Object.is, Array.prototype… Two measures, so that the host's verdict does not rest on them:
// 1. lock(): once per worker, from setup.ts before the first test file loads, the built-ins the
//    assertions rely on and the assertion library itself become read-only accessors. Setting one
//    is refused and recorded as an attempt; a subclass or instance may still shadow it (SES's
//    "override taming"); prototypes accept no new properties (no Object.prototype.asymmetricMatch).
// 2. the witness: each hidden check's test function is wrapped (grade-run rewrites the check's
//    `it`), and the wrapper's pass/fail goes to the host in a summary authenticated with a key only
//    this module holds (sent over IPC before Vitest starts). Forged rpc updates, hooks or extra tests
//    cannot produce it; a second claim or a check reported twice shows up in the summary.
import { createMac } from './hmac.ts';
import { guardEqualityMatchers } from './matcher-guard.ts';

const G = globalThis as Record<PropertyKey, unknown>;
const apply = Reflect.apply;
const ownKeys = Reflect.ownKeys;
const getDescriptor = Reflect.getOwnPropertyDescriptor;
const define = Reflect.defineProperty;
const getPrototypeOf = Reflect.getPrototypeOf;
const preventExtensions = Reflect.preventExtensions;
const stringify = JSON.stringify;
const symbolFor = Symbol.for;
const charCodeAtMethod = String.prototype.charCodeAt;
const charCodeAt = (s: string, i: number) => apply(charCodeAtMethod, s, [i]) as number;
const processOn = process.on.bind(process);
const processSend = process.send?.bind(process);
const activeResources = process.getActiveResourcesInfo.bind(process);

const KEY = symbolFor('workbook.integrity');
/** Objects lock() made read-only, with their names: redefining on them is an attempt. */
const lockedNames = new WeakMap<object, string>();
const lockedName = (target: unknown) =>
  (typeof target === 'object' || typeof target === 'function') && target !== null
    ? (apply(weakMapGet, lockedNames, [target]) as string | undefined)
    : undefined;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
let mac: ((text: string, length: number) => string) | undefined;
let locked = false;
let claims = 0;
let reports: string[] = [];
let attempts: string[] = [];
/** From a summary query until the next test file starts: nothing of the learner's should act then. */
let betweenRuns = false;

const push = (list: string[], item: string) => {
  list[list.length] = item;
};
const attempt = (what: string) => push(attempts, what);

processOn('message', (message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const m = message as Record<string, unknown>;
  const key = m['__workbook_key__'];
  if (typeof key === 'string') {
    if (mac) return attempt('sent a second grading key to the worker');
    const bytes: number[] = [];
    for (let i = 0; i < 32; i++) bytes[i] = parseInt((key[2 * i] as string) + (key[2 * i + 1] as string), 16);
    mac = createMac(bytes, charCodeAt);
    return;
  }
  const nonce = m['__workbook_query__'];
  if (typeof nonce === 'string' && mac && processSend) {
    const asked = `query:${nonce}`;
    if (m['mac'] !== mac(asked, asked.length)) return attempt('asked the worker for a grading summary');
    let payload = `${stringify(nonce)}\nclaims ${claims}\n`;
    for (let i = 0; i < reports.length; i++) payload += `${reports[i]}\n`;
    for (let i = 0; i < attempts.length; i++) payload += `attempt ${stringify(attempts[i])}\n`;
    const resources = activeResources();
    for (let i = 0; i < resources.length; i++) payload += `resource ${stringify(resources[i])}\n`;
    claims = 0;
    reports = [];
    attempts = [];
    betweenRuns = true;
    processSend({ __workbook_witness__: payload, mac: mac(payload, payload.length) });
  }
});

// Threat: a rejection or throw scheduled to land after its run, to be blamed on the next one.
// During a run Vitest reports them; between runs they make the worker dirty (it is replaced).
const late = (what: string) => () => {
  if (betweenRuns) attempt(what);
};
processOn('unhandledRejection', late('left a promise that rejected after its run ended'));
processOn('uncaughtException', late('left code that threw after its run ended'));

type TestFn = (context: unknown) => unknown;
type It = (name: string, a?: unknown, b?: unknown) => unknown;

/** Called once by each rewritten check file: returns its witnessed `it`. */
function claim(realIt: It): It {
  claims++;
  const wrap = (name: string, fn: TestFn): TestFn =>
    async function witnessed(context: unknown) {
      let passed = false;
      try {
        await apply(fn, undefined, [context]);
        passed = true;
      } finally {
        push(reports, `${passed ? 'pass' : 'fail'} ${stringify(String(name))}`);
      }
    };
  const witnessedVia =
    (register: It): It =>
    (name, a, b) => {
      if (typeof a === 'function') return register(name, wrap(name, a as TestFn), b);
      if (typeof b === 'function') return register(name, a, wrap(name, b as TestFn));
      return register(name, a, b);
    };
  const it = witnessedVia(realIt) as It & Record<string, unknown>;
  const modifiers = realIt as unknown as Record<string, It | undefined>;
  // Checks may run concurrently or alone; skipped and todo tests never run, so need no witness.
  // (it.fails inverts the outcome: it is not offered to checks.)
  for (const mod of ['concurrent', 'sequential', 'only']) {
    const register = modifiers[mod];
    if (register) it[mod] = witnessedVia(register.bind(realIt));
  }
  for (const mod of ['skip', 'todo']) it[mod] = modifiers[mod];
  return it;
}

/** Makes `key` of `target` a read-only accessor; setting it on `target` itself is an attempt. */
function lockProperty(target: object, key: PropertyKey, label: string): void {
  const desc = getDescriptor(target, key);
  if (!desc?.configurable) return;
  if (!('value' in desc)) {
    define(target, key, { ...desc, configurable: false });
    return;
  }
  const value = desc.value as unknown;
  const name = `${label}.${typeof key === 'symbol' ? `[${String(key.description)}]` : key}`;
  define(target, key, {
    get: () => value,
    set(this: object, next: unknown) {
      if (this === target) {
        if (next !== value) attempt(`replaced ${name}`);
        return;
      }
      define(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable ?? false,
    configurable: false,
  });
}

function lockAll(target: unknown, label: string, options: { seal?: boolean; skip?: PropertyKey[] } = {}): void {
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return;
  const keys = ownKeys(target);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PropertyKey;
    if (options.skip?.includes(key)) continue;
    lockProperty(target, key, label);
  }
  if (options.seal) preventExtensions(target);
  apply(weakMapSet, lockedNames, [target, label]);
}

/**
 * Object.defineProperty & co. that record an attempt when aimed at a locked object (the
 * definition itself then fails as it would anyway: the properties are not configurable).
 */
function guardDefiners(): void {
  // New properties on constructors and namespaces are legitimate (reflect-metadata adds
  // Reflect.metadata); redefining a locked one, or re-parenting a locked object, is not.
  const lockedKey = (target: object, key: unknown) =>
    (typeof key === 'string' || typeof key === 'symbol') && getDescriptor(target, key)?.configurable === false;
  const wrap = (
    owner: Record<string, unknown>,
    method: string,
    check: (target: object, arg: unknown) => string | undefined,
  ) => {
    const original = owner[method] as (...args: unknown[]) => unknown;
    owner[method] = function (this: unknown, target: unknown, arg: unknown, ...rest: unknown[]) {
      const name = lockedName(target);
      const what = name ? check(target as object, arg) : undefined;
      if (what) attempt(`${what} of ${name}`);
      return apply(original, this, [target, arg, ...rest]);
    };
  };
  const one = (target: object, key: unknown) => (lockedKey(target, key) ? `redefined ${String(key)}` : undefined);
  const many = (target: object, props: unknown) =>
    typeof props === 'object' && props !== null && ownKeys(props).some((key) => lockedKey(target, key))
      ? 'redefined properties'
      : undefined;
  const parent = () => 'replaced the prototype';
  wrap(Object as unknown as Record<string, unknown>, 'defineProperty', one);
  wrap(Object as unknown as Record<string, unknown>, 'defineProperties', many);
  wrap(Object as unknown as Record<string, unknown>, 'setPrototypeOf', parent);
  wrap(Reflect as unknown as Record<string, unknown>, 'defineProperty', one);
  wrap(Reflect as unknown as Record<string, unknown>, 'setPrototypeOf', parent);
}

const CONSTRUCTORS = [
  'Object',
  'Array',
  'Function',
  'Promise',
  'Date',
  'RegExp',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Error',
  'BigInt',
  'ArrayBuffer',
  'Uint8Array',
];
const NAMESPACES = ['JSON', 'Math', 'Reflect'];

/** Locks the built-ins and the assertion library (idempotent; the first call must precede learner code). */
function lock(): void {
  betweenRuns = false; // setup.ts calls this before every test file: a run is under way
  if (locked) return;
  locked = true;
  guardDefiners();
  // Vitest bound process.send when its worker started; from here on a raw message is the learner's.
  define(process, 'send', {
    value: (_message: unknown) => {
      attempt('sent raw messages to the grading process (process.send)');
      return false;
    },
    writable: false,
    configurable: false,
  });
  const state = G['__vitest_worker__'] as object | undefined;
  if (state) lockProperty(state, 'rpc', 'the test runner');
  for (const name of CONSTRUCTORS) {
    const ctor = G[name] as { prototype?: object } | undefined;
    if (!ctor) continue;
    // Error.prepareStackTrace and stackTraceLimit are set at run time by source maps and Vitest.
    lockAll(ctor, name, { skip: ['prototype', 'prepareStackTrace', 'stackTraceLimit'] });
    lockAll(ctor.prototype, `${name}.prototype`, { seal: true });
  }
  lockAll(getPrototypeOf(Uint8Array.prototype), 'TypedArray.prototype', { seal: true });
  const arrayIterator = getPrototypeOf([][Symbol.iterator]()) as object;
  lockAll(arrayIterator, 'ArrayIterator.prototype', { seal: true });
  lockAll(getPrototypeOf(arrayIterator), 'Iterator.prototype', { seal: true });
  // Math.random stays replaceable: no assertion relies on it, and checks spy on it to prove a
  // secure source is used (oauth-pkce-login).
  for (const name of NAMESPACES) lockAll(G[name], name, name === 'Math' ? { skip: ['random'] } : {});
  for (const name of [...CONSTRUCTORS, ...NAMESPACES, 'Proxy', 'globalThis'])
    lockProperty(globalThis, name, 'globalThis');
  // The assertion library, as Vitest exposes it to every test file.
  const expect = G[symbolFor('expect-global')] as ((value: unknown) => object) | undefined;
  lockProperty(globalThis, symbolFor('expect-global'), 'globalThis');
  lockAll(expect, 'expect');
  const matchers = G[symbolFor('$$jest-matchers-object')] as Record<string, object> | undefined;
  lockProperty(globalThis, symbolFor('$$jest-matchers-object'), 'globalThis');
  lockAll(matchers, 'expect matchers');
  lockAll(matchers?.['matchers'], 'expect matchers', { seal: true });
  lockAll(matchers?.['customEqualityTesters'], 'expect equality testers', { seal: true });
  lockAll(G[symbolFor('asymmetric-matchers-object')], 'expect asymmetric matchers', { seal: true });
  lockProperty(globalThis, symbolFor('asymmetric-matchers-object'), 'globalThis');
  if (expect) {
    const assertion = getPrototypeOf(expect(undefined)) as object;
    const flag = (
      chaiModule?.['util'] as { flag?: (assertion: object, key: string, value?: unknown) => unknown } | undefined
    )?.flag;
    if (flag) guardEqualityMatchers(assertion as Record<string, unknown>, flag);
    lockAll(assertion, 'chai Assertion.prototype', { seal: true });
    const chai = assertion.constructor as unknown as Record<string, unknown>;
    lockAll(chai, 'chai Assertion', { skip: ['prototype'] });
  }
  if (chaiModule) {
    lockAll(chaiModule['util'], 'chai.util', { seal: true });
    lockAll(chaiModule['config'], 'chai.config', { seal: true });
  }
}

// chai is a dependency of Vitest, resolved here to the same instance Vitest loads.
let chaiModule: Record<string, unknown> | undefined;
try {
  chaiModule = (await import('chai')) as Record<string, unknown>;
} catch {
  chaiModule = undefined;
}

define(globalThis, KEY, {
  value: Object.freeze({ lock, claim }),
  writable: false,
  enumerable: false,
  configurable: false,
});

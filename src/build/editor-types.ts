// What the editor's TypeScript worker is told, shared with the spec that compiles every exercise
// the same way (exercise-data.spec.ts), so "no false errors" is checked, not hoped for.

/**
 * Diagnostics that only arise because external packages (NestJS, zod, BullMQ…) are declared
 * loosely, as `any`, in the editor: type arguments on untyped calls, callback parameters without a
 * contextual type, `z.infer<…>`-style namespace types, indexing with `any`. The grader does not
 * type-check, so hiding these loses nothing the checks would catch.
 */
export const IGNORED_DIAGNOSTICS: readonly number[] = [
  2347, // Untyped function calls may not accept type arguments.
  2503, // Cannot find namespace 'x' (a type reached through a loosely declared package).
  2702, // 'x' only refers to a type, but is being used as a namespace here.
  7006, // Parameter implicitly has an 'any' type (callbacks passed to untyped calls).
  7031, // Binding element implicitly has an 'any' type (same, destructured).
  7053, // Element implicitly has an 'any' type because an 'any' expression indexes it.
];

/** Node globals the service uses, declared loosely (the editor does not load @types/node). */
export const NODE_GLOBALS = `declare const process: { env: Record<string, string | undefined>; [key: string]: any };
declare const Buffer: any;
type Buffer = any;
// Node's timers return a Timeout (unref(), refresh()), not the DOM's number; these overloads win.
declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): NodeJS.Timeout;
declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): NodeJS.Timeout;
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): any;
declare function clearImmediate(handle: any): void;
declare namespace NodeJS {
  type Timeout = any;
  type Immediate = any;
  type Signals = string;
  type ProcessEnv = Record<string, string | undefined>;
  type ErrnoException = Error & { code?: string; errno?: number; syscall?: string };
  type MemoryUsage = Record<string, number>;
}
`;

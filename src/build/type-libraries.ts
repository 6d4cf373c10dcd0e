// Build-time: the type libraries Monaco's TypeScript worker needs for one exercise. Service files
// the exercise imports (transitively) come with their real types; external packages and Prisma's
// generated client are declared loosely, name by name, so correct code shows no false errors.
import { dirname, join, normalize } from 'node:path';
import { NODE_GLOBALS } from './editor-types.ts';

export interface TypeLib {
  /** Workspace path; the editor mounts libs and tabs under one root so relative imports resolve. */
  path: string;
  content: string;
}

interface Source {
  path: string;
  content: string;
}

interface LooseImports {
  names: Set<string>;
  default: boolean;
}

const MAX_LIBS = 150;
/** Generated code whose real types pull in a runtime the editor does not load. */
const GENERATED = 'src/generated/';
const STATEMENT = /(?:^|[;\n])\s*(import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[;\n])\s*import\s*(?:\(\s*)?['"]([^'"]+)['"]/g;

// Names a learner may reach for in these packages even when the starter does not import them yet.
const NODE_CRYPTO_NAMES = [
  'createHash',
  'createHmac',
  'hash',
  'timingSafeEqual',
  'randomBytes',
  'randomInt',
  'randomUUID',
  'getRandomValues',
  'webcrypto',
  'subtle',
  'createSecretKey',
  'KeyObject',
  'Hash',
  'Hmac',
  'scryptSync',
  'pbkdf2Sync',
];
const COMMON_NAMES: Record<string, string[]> = {
  'node:crypto': NODE_CRYPTO_NAMES,
  crypto: NODE_CRYPTO_NAMES,
  '@nestjs/common': [
    'Injectable',
    'Inject',
    'Module',
    'Controller',
    'Get',
    'Post',
    'Patch',
    'Put',
    'Delete',
    'Body',
    'Param',
    'Query',
    'Req',
    'Res',
    'HttpCode',
    'HttpStatus',
    'HttpException',
    'NotFoundException',
    'BadRequestException',
    'ConflictException',
    'ForbiddenException',
    'UnauthorizedException',
    'CanActivate',
    'ExecutionContext',
    'NestInterceptor',
    'CallHandler',
    'UseGuards',
    'UseInterceptors',
    'SetMetadata',
    'Logger',
    'OnModuleInit',
    'OnModuleDestroy',
    'OnApplicationShutdown',
    'Optional',
    'Global',
    'DynamicModule',
    'Provider',
  ],
  '@nestjs/cqrs': [
    'CommandHandler',
    'ICommandHandler',
    'QueryHandler',
    'IQueryHandler',
    'EventsHandler',
    'IEventHandler',
    'CommandBus',
    'QueryBus',
    'EventBus',
    'Command',
    'Query',
    'ICommand',
    'IQuery',
    'IEvent',
    'CqrsModule',
    'AggregateRoot',
  ],
  vitest: ['describe', 'it', 'test', 'expect', 'vi', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'],
};

/**
 * Collects the libraries for `tabs` (the files shown in the editor). `extra` sources (the
 * solution) only contribute the names they import. `readService` reads a file of service/.
 */
export function typeLibraries(
  tabs: readonly Source[],
  extra: readonly Source[],
  readService: (path: string) => string | undefined,
): TypeLib[] {
  const shown = new Set(tabs.map((t) => t.path));
  const libs = new Map<string, string>();
  const loose = new Map<string, LooseImports>(); // package name or generated path → names
  const note = (key: string, clause: string, isImport: boolean) => {
    const entry = loose.get(key) ?? { names: new Set(COMMON_NAMES[key] ?? []), default: false };
    loose.set(key, entry);
    for (const part of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default') entry.names.add(name);
    }
    const outside = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/\*\s+as\s+[\w$]+/, '')
      .replace(/,/g, '')
      .trim();
    if (isImport && outside) entry.default = true;
  };
  const resolve = (from: string, specifier: string): string | undefined => {
    const target = normalize(join(dirname(from), specifier)).replace(/\.js$/, '.ts');
    for (const candidate of target.endsWith('.ts') ? [target] : [`${target}.ts`, join(target, 'index.ts')]) {
      if (candidate.startsWith('..')) return undefined;
      if (
        shown.has(candidate) ||
        libs.has(candidate) ||
        candidate.startsWith(GENERATED) ||
        readService(candidate) !== undefined
      )
        return candidate;
    }
    return undefined;
  };
  const scan = (source: Source, follow: boolean) => {
    for (const [, keyword, clause = '', specifier = ''] of source.content.matchAll(STATEMENT)) {
      if (!specifier.startsWith('.')) {
        note(specifier, clause, keyword === 'import');
        continue;
      }
      const path = resolve(source.path, specifier);
      if (!path) continue;
      if (path.startsWith(GENERATED)) note(path, clause, keyword === 'import');
      else if (follow && !shown.has(path) && !libs.has(path) && libs.size < MAX_LIBS) {
        const content = readService(path) ?? '';
        libs.set(path, content);
        scan({ path, content }, true);
      }
    }
    for (const [, specifier = ''] of source.content.matchAll(BARE))
      if (!specifier.startsWith('.')) note(specifier, '', true);
  };
  for (const tab of tabs) scan(tab, true);
  for (const source of extra) scan(source, false);

  const packages = [...loose].filter(([key]) => !key.startsWith(GENERATED)).sort(([a], [b]) => a.localeCompare(b));
  const generated = [...loose].filter(([key]) => key.startsWith(GENERATED));
  return [
    ...[...libs].map(([path, content]) => ({ path, content })),
    ...generated.map(([path, imports]) => ({ path, content: `${looseExports(imports, '')}\n` })),
    {
      path: '__workbook__/ambient.d.ts',
      content: `${LOOSE_TYPE}\n${NODE_GLOBALS}\n${packages.map(([name, imports]) => declareModule(name, imports)).join('\n')}\n`,
    },
  ];
}

/** Callable, constructible and indexable with any type arguments; instances and results are any. */
const LOOSE_TYPE =
  'type WorkbookLoose = { <A = any, B = any, C = any, D = any>(...args: any[]): any; new <A = any, B = any, C = any, D = any>(...args: any[]): any; [key: string]: any };';

/** Each name as both a loose value and a generic `any` type, so decorators, `extends X<T>`,
 * `implements Y<T>` and `instanceof` all type-check. */
function looseExports(imports: LooseImports, indent: string): string {
  const lines = [...imports.names]
    .sort()
    .map(
      (n) =>
        `${indent}export declare const ${n}: WorkbookLoose;\n${indent}export type ${n}<A = any, B = any, C = any, D = any> = any;`,
    );
  if (imports.default)
    lines.push(`${indent}declare const defaultExport: WorkbookLoose;\n${indent}export default defaultExport;`);
  return lines.join('\n');
}

function declareModule(name: string, imports: LooseImports): string {
  if (imports.names.size === 0 && !imports.default) return `declare module '${name}';`;
  return `declare module '${name}' {\n${looseExports(imports, '  ').replaceAll('export declare const', 'export const')}\n}`;
}

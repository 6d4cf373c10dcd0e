// Part of scripts/sandbox-build.ts: the Node stand-ins and the NestJS packages, in one esbuild run
// with code splitting, so a module two bundles need (Nest's core, rxjs, Buffer) is one shared chunk
// and one instance in the worker. Nest's Node built-ins map to the stand-ins in src/sandbox/node/;
// its optional transports load as modules that throw, as they would when not installed.
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { NODE_STANDINS, packageFile, SHARED_PACKAGES } from '../src/sandbox/browser-paths.ts';

const NODE_DIR = 'src/sandbox/node';
/** Built-in (without `node:`) → stand-in module. */
const BUILTINS: Record<string, string> = {
  buffer: 'node-buffer.ts',
  crypto: 'node-crypto.ts',
  http: 'node-http.ts',
  util: 'node-util.ts',
  stream: 'node-for-nest.ts',
  async_hooks: 'node-for-nest.ts',
  os: 'node-for-nest.ts',
  tls: 'node-for-nest.ts',
  module: 'node-for-nest.ts',
  repl: 'node-for-nest.ts',
  perf_hooks: 'node-for-nest.ts',
};
/** Loaded by Nest only when an app uses them (HTTP platform, gateways, transports, validation). */
const OPTIONAL =
  /^(@nestjs\/(microservices|websockets|platform-express|platform-socket\.io)|class-validator|class-transformer)(\/|$)/;

/** Entries that also have a default export (`import bcrypt from 'bcryptjs'`, `import crypto from 'node:crypto'`). */
const WITH_DEFAULT = /^(node:|bcryptjs$|jsonwebtoken$)/;
/** CommonJS packages: `export *` cannot see their names, so the named exports Node's loader finds are listed. */
const CJS_NAMES: Record<string, string[]> = {
  jsonwebtoken: ['decode', 'verify', 'sign', 'JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError'],
};

function standIns(root: string): Plugin {
  return {
    name: 'workbook-node-stand-ins',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => ({
        path: args.path.slice('virtual:'.length),
        namespace: 'entry',
      }));
      b.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({
        contents: [
          // Nest's decorators need the metadata registry on the global Reflect before any class is
          // decorated; importing it from each Nest entry guarantees it whichever entry loads first.
          args.path === 'reflect-metadata' || args.path.startsWith('@nestjs/') ? "import 'reflect-metadata';" : '',
          args.path === 'reflect-metadata'
            ? 'export {};'
            : args.path in CJS_NAMES
              ? `import pkg from '${args.path}'; export const { ${CJS_NAMES[args.path]?.join(', ')} } = pkg;`
              : `export * from '${args.path}';`,
          WITH_DEFAULT.test(args.path) ? `export { default } from '${args.path}';` : '',
        ].join(' '),
        resolveDir: root,
        loader: 'js',
      }));
      b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        // `require('stream')` is the Stream function itself in Node (jws inherits from it).
        if (name === 'stream' && args.kind === 'require-call') return { path: 'stream', namespace: 'generated' };
        const file = BUILTINS[name];
        return file ? { path: join(root, NODE_DIR, file) } : undefined;
      });
      b.onLoad({ filter: /^stream$/, namespace: 'generated' }, () => ({
        contents: `const s = require(${JSON.stringify(join(root, NODE_DIR, 'node-for-nest.ts'))}); module.exports = Object.assign(s.Stream, { Stream: s.Stream, Readable: s.Readable, Transform: s.Transform, finished: s.finished });`,
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: OPTIONAL }, (args) => ({ path: args.path, namespace: 'optional' }));
      b.onLoad({ filter: /.*/, namespace: 'optional' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`Cannot find package '${args.path}': it is not available when checks run in the browser; run them with the local grader (npm start).`)});`,
        loader: 'js',
      }));
    },
  };
}

/** Writes pkg-<name>.js for every stand-in and shared package, plus their shared chunks, into `out`. */
export async function buildSharedPackages(root: string, out: string): Promise<string[]> {
  const specifiers = [...new Set(Object.keys(NODE_STANDINS).filter((s) => s.startsWith('node:'))), ...SHARED_PACKAGES];
  const result = await build({
    entryPoints: specifiers.map((specifier) => ({
      in: `virtual:${specifier}`,
      out: packageFile(specifier).replace(/\.js$/, ''),
    })),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    outdir: out,
    chunkNames: 'chunk-[hash]',
    absWorkingDir: root,
    metafile: true,
    plugins: [standIns(root)],
  });
  return Object.keys(result.metafile.outputs);
}

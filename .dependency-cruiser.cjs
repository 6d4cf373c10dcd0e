// Layers point one way (docs: README "Architecture"). `npm run depcruise` checks them in `npm test`.
//   workbook: src/schemas → DOM-free runtime (src/sandbox, src/catalog, src/mentor, src/stores,
//             grader/, server/, src/build) → components (src/components, src/mentor/elements) →
//             layouts and pages
//   service:  domain → application → infrastructure / presentation
// Specs may wire real adapters and fixtures across layers (that is what an integration test is).
const SPEC = '\\.spec\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'schemas-are-the-base',
      comment: 'src/schemas is the single source of truth for formats: it imports zod and other schemas only.',
      severity: 'error',
      from: { path: '^src/schemas/', pathNot: SPEC },
      to: { path: '^(src/(?!schemas/)|grader/|server/|scripts/|service/)' },
    },
    {
      name: 'runtime-without-dom',
      comment:
        'The grading runtime, catalog, mentor logic and stores run without a page (Node, workers, tests): they never import components, layouts or pages.',
      severity: 'error',
      from: {
        path: '^(src/(sandbox|catalog|mentor|stores|build|offline)/|grader/|server/)',
        pathNot: [SPEC, '^src/mentor/elements/'],
      },
      to: { path: '^(src/(components|layouts|pages)/|src/mentor/elements/)' },
    },
    {
      name: 'sandbox-not-grader',
      comment: 'src/sandbox runs in the browser, grader/ in Node: they meet only in src/schemas.',
      severity: 'error',
      from: { path: '^src/sandbox/', pathNot: SPEC },
      to: { path: '^(grader|server)/' },
    },
    {
      name: 'browser-code-without-node',
      comment:
        'Code that ships to the page or its workers never imports Node built-ins (build-time code lives in src/build).',
      severity: 'error',
      from: { path: '^src/(sandbox|stores|mentor|components|offline)/', pathNot: SPEC },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'components-below-pages',
      comment: 'Components are used by layouts and pages, never the other way round.',
      severity: 'error',
      from: { path: '^(src/components/|src/mentor/elements/)', pathNot: SPEC },
      to: { path: '^src/(pages|layouts)/' },
    },
    {
      name: 'config-not-components',
      comment: 'astro.config.mjs runs in Node at build time: its helpers live in src/build, not in components.',
      severity: 'error',
      from: { path: '^astro\\.config\\.mjs$', pathNot: SPEC },
      to: { path: '^src/(components|pages|layouts)/' },
    },
    {
      name: 'service-domain-is-plain',
      comment: 'The domain is plain TypeScript: no application, infrastructure or presentation code.',
      severity: 'error',
      from: { path: '^service/src/domain/', pathNot: SPEC },
      to: { path: '^service/src/(application|infrastructure|presentation)/' },
    },
    {
      name: 'service-domain-no-frameworks',
      comment: 'No Nest, Prisma, Redis, BullMQ or socket.io below the application layer.',
      severity: 'error',
      from: { path: '^service/src/domain/', pathNot: SPEC },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'service-application-inward',
      comment: 'Use cases depend on ports, never on the adapters behind them or on HTTP.',
      severity: 'error',
      from: { path: '^service/src/application/', pathNot: SPEC },
      to: { path: '^service/src/(infrastructure|presentation)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.workbook|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json', '.d.ts'],
    },
  },
};

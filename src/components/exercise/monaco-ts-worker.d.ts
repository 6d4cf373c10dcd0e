// Declarations for the parts of Monaco's TypeScript worker that ts-worker.ts builds on: Monaco ships
// none for its worker modules. Only what the workbook uses; the TypeScript API is TypeScript's own.

declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  /** What Monaco's worker bootstrap hands the worker: the editor's models, mirrored. */
  export interface WorkerContext {
    getMirrorModels(): readonly { uri: { toString(): string; path: string }; version: number; getValue(): string }[];
  }
  /** What the page's typescriptDefaults send when the worker is created. */
  export interface CreateData {
    compilerOptions: import('typescript').CompilerOptions;
    extraLibs: Record<string, { content: string; version: number }>;
    customWorkerPath?: string;
    inlayHintsOptions?: unknown;
  }
  /** Monaco's language service host and the methods the page calls through its worker proxy. */
  export class TypeScriptWorker {
    constructor(ctx: WorkerContext, createData: CreateData);
    /** Set by the constructor (a language service with a registry of its own); every method uses it. */
    protected _languageService: import('typescript').LanguageService;
    getLanguageService(): import('typescript').LanguageService;
    getCompilationSettings(): import('typescript').CompilerOptions;
    getScriptFileNames(): string[];
    getScriptVersion(fileName: string): string;
    getScriptSnapshot(fileName: string): import('typescript').IScriptSnapshot | undefined;
    getCurrentDirectory(): string;
    getDefaultLibFileName(options: import('typescript').CompilerOptions): string;
    readFile(path: string): string | undefined;
    fileExists(path: string): boolean;
  }
}

declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices' {
  /** The TypeScript Monaco bundles (its version, not the workbook's devDependency). */
  export const typescript: typeof import('typescript');
}

declare module 'monaco-editor/internal/common/initialize' {
  /** Monaco's worker bootstrap: calls `create` with the editor's context and the page's create data. */
  export function initialize(
    create: (
      ctx: import('monaco-editor/languages/features/typescript/tsWorker').WorkerContext,
      createData: import('monaco-editor/languages/features/typescript/tsWorker').CreateData,
    ) => unknown,
  ): void;
}

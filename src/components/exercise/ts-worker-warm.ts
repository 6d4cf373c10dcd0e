// The editor's TypeScript worker spends most of its first request parsing and binding TypeScript's
// lib files (lib.dom.d.ts alone is 2.3 MB), and the browser engine's first grade waits for that
// request (its emit and type check queue behind it). This parses and binds them as soon as the
// worker starts — while the page is still loading the editor — into a document registry that the
// editor's language service then shares: the same SourceFile objects, so nothing is parsed twice
// and the diagnostics are unchanged. Runs in the worker (ts-worker.ts); no DOM.
import type { CompilerOptions, DocumentRegistry, LanguageService } from 'typescript';
import type { CreateData, TypeScriptWorker, WorkerContext } from 'monaco-editor/languages/features/typescript/tsWorker';

type TypeScript = typeof import('typescript');

/** A root file for the warm-up program: TypeScript reads lib files only for a program that has one. */
const WARM_ROOT = 'file:///__workbook__/warm-up.ts';
/**
 * Code in the style of a service file, checked and emitted once so the checker's and emitter's code
 * is compiled by the JavaScript engine before the editor's first request, not during it.
 */
const WARM_CODE = `export interface Item { id: string; done: boolean; tags?: readonly string[] }
export class Store {
  private readonly items = new Map<string, Item>();
  constructor(private readonly now: () => Date = () => new Date()) {}
  async save(item: Item): Promise<Item> {
    if (this.items.has(item.id)) throw new Error(\`duplicate \${item.id}\`);
    this.items.set(item.id, { ...item, tags: [...(item.tags ?? [])] });
    return item;
  }
  list(filter?: (item: Item) => boolean): Item[] {
    return [...this.items.values()].filter((i) => filter?.(i) ?? true).sort((a, b) => a.id.localeCompare(b.id));
  }
  stamp(): string { return this.now().toISOString(); }
}
`;

export interface Warmed {
  /** Holds the parsed lib files; the editor's language service takes them from here. */
  registry: DocumentRegistry;
  /**
   * The warm-up's own service, kept for the worker's lifetime (disposing it would release the lib
   * files from the registry); undefined when the warm-up failed.
   */
  service: LanguageService | undefined;
}

/**
 * Parses and binds the lib files `compilerOptions` name into a new registry, through Monaco's own
 * language service host (so file names and versions are the ones the editor's service will ask for).
 * A failure only loses the head start: the editor's service then parses them itself.
 */
export function warmLibraries(ts: TypeScript, Host: typeof TypeScriptWorker, compilerOptions: CompilerOptions): Warmed {
  const registry = ts.createDocumentRegistry();
  try {
    const host = new Host(
      { getMirrorModels: () => [] },
      { compilerOptions, extraLibs: { [WARM_ROOT]: { content: WARM_CODE, version: 1 } } },
    );
    const service = ts.createLanguageService(host, registry);
    // Binding happens when the checker is created, and is kept on each SourceFile; the requests are
    // the ones the editor makes first (its diagnostics), and the browser engine's emit.
    service.getSyntacticDiagnostics(WARM_ROOT);
    service.getSemanticDiagnostics(WARM_ROOT);
    service.getSuggestionDiagnostics(WARM_ROOT);
    service.getEmitOutput(WARM_ROOT);
    return { registry, service };
  } catch {
    // Nothing to report: the editor's first request does the same work, only later.
    return { registry, service: undefined };
  }
}

/** Monaco's worker class, with a language service that takes its files from `registry`. */
export function sharingRegistry(
  ts: TypeScript,
  Base: typeof TypeScriptWorker,
  registry: DocumentRegistry,
): new (
  ctx: WorkerContext,
  createData: CreateData,
) => TypeScriptWorker {
  return class extends Base {
    constructor(ctx: WorkerContext, createData: CreateData) {
      super(ctx, createData);
      this._languageService = ts.createLanguageService(this, registry);
    }
  };
}

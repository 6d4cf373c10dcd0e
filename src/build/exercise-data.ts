// Build-time view of an exercise for the page (Node only: runs in Astro frontmatter and endpoints).
// Renders the instructions, and gathers the service files the exercise's code imports so Monaco's
// TypeScript worker knows their types without the page ever seeing the hidden checks.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserCapability } from '../catalog/browser-capability.ts';
import { loadExercises, type LoadedExercise } from '../catalog/load.ts';
import type { BrowserCapability } from '../schemas/browser-capability.ts';
import { editorDataSchema, type EditorFile, type EditorData as EditorPayload } from '../schemas/editor-data.ts';
import { typeLibraries } from './type-libraries.ts';

const ROOT = process.cwd();
let catalog: Map<string, LoadedExercise> | undefined;

/** Every exercise, loaded once per build. */
export function allExercises(): LoadedExercise[] {
  catalog ??= new Map(loadExercises(ROOT).map((e) => [e.manifest.id, e]));
  return [...catalog.values()];
}

/** One exercise by id; an unknown id fails the build naming the id and the fix. */
export function exerciseById(id: string, where: string): LoadedExercise {
  allExercises();
  const found = catalog?.get(id);
  if (!found)
    throw new Error(
      `${where}: <Exercise id="${id}" /> names no exercise; known ids: ${[...(catalog?.keys() ?? [])].join(', ') || '(none yet)'}. Fix the id or add exercises/${id}/.`,
    );
  return found;
}

let renderer: Promise<{ render(content: string): Promise<{ code: string }> }> | undefined;

/**
 * Instructions as HTML, without their leading `# Title` (the component shows the title), headings
 * shifted below `headingLevel` and their ids prefixed so they never collide with the chapter's.
 */
export async function renderInstructions(exercise: LoadedExercise, headingLevel: number): Promise<string> {
  renderer ??= createSatteriMarkdownProcessor({
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, wrap: false },
  } as Parameters<typeof createSatteriMarkdownProcessor>[0]);
  const markdown = exercise.instructions.replace(/^\s*# [^\n]*\n/, '');
  const { code } = await (await renderer).render(markdown);
  const id = exercise.manifest.id;
  return code
    .replace(
      /<(\/?)h([1-6])\b/g,
      (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) - 1 + headingLevel)}`,
    )
    .replace(/\bid="([^"]+)"/g, (_m, anchor: string) => `id="${id}--${anchor}"`)
    .replace(/href="#([^"]+)"/g, (_m, anchor: string) => `href="#${id}--${anchor}"`);
}

/** Everything the editor needs but the capability and the time limit (editorPayload adds them). */
export type EditorData = Omit<EditorPayload, 'browser' | 'timeLimitMs'>;

/** Builds the editor payload: the tabs, the solution, and the type libraries for the TS worker. */
export function editorData(exercise: LoadedExercise): EditorData {
  const files: EditorFile[] = exercise.manifest.files.map((f) => ({
    path: f.path,
    editable: f.editable,
    content: f.editable ? (exercise.starter[f.path] ?? '') : (exercise.readonly[f.path] ?? ''),
  }));
  const solution = Object.entries(exercise.solution).map(([path, content]) => ({ path, content }));
  const readService = (path: string) => {
    const file = join(ROOT, 'service', path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return {
    id: exercise.manifest.id,
    files,
    solution: exercise.solution,
    libs: typeLibraries(files, solution, readService),
  };
}

const capabilities = new Map<string, Promise<BrowserCapability>>();
/** Whether the browser engine can grade the exercise (decided once per build from its import graph). */
export function capabilityOf(exercise: LoadedExercise): Promise<BrowserCapability> {
  const id = exercise.manifest.id;
  const found = capabilities.get(id) ?? browserCapability(ROOT, exercise).then((r) => r.capability);
  capabilities.set(id, found);
  return found;
}

/** The editor payload with the browser capability and time limit, validated by its schema. */
export async function editorPayload(exercise: LoadedExercise): Promise<EditorPayload> {
  const payload = {
    ...editorData(exercise),
    browser: await capabilityOf(exercise),
    timeLimitMs: exercise.manifest.timeLimitMs,
  };
  const parsed = editorDataSchema.safeParse(payload);
  if (!parsed.success)
    throw new Error(
      `exercises/${exercise.manifest.id}: editor data does not match src/schemas/editor-data.ts: ${parsed.error.message}`,
    );
  return parsed.data;
}

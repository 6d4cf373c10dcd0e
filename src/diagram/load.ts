// Reads and validates diagram sources. The build's first step (scripts/diagrams-check.ts) and the
// <Diagram> component both come through here, so a broken source fails the build with one message
// naming the file and the field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Diagram, diagramNameSchema, diagramSchema } from '../schemas/diagram.ts';

/** Where diagram sources live, relative to the repository root. */
export const DIAGRAMS_DIR = 'src/content/diagrams';

/** The diagrams folder: WORKBOOK_DIAGRAMS_DIR (test fixtures) or src/content/diagrams under `root`. */
export function diagramsDir(root: string): string {
  const override = process.env['WORKBOOK_DIAGRAMS_DIR'];
  return override ? path.resolve(root, override) : path.join(root, DIAGRAMS_DIR);
}

export class DiagramSourceError extends Error {
  override name = 'DiagramSourceError';
}

/** Parses one source file; throws DiagramSourceError naming `file` and every wrong field. */
export function parseDiagramFile(file: string, text: string): Diagram {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DiagramSourceError(`diagram ${file}: not valid JSON (${(error as Error).message}); fix the syntax`);
  }
  const parsed = diagramSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      return `  ${where}: ${issue.message}`;
    });
    throw new DiagramSourceError(`diagram ${file}:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** Loads `<name>.json` from the diagrams folder. */
export function loadDiagram(root: string, name: string): Diagram {
  const validName = diagramNameSchema.safeParse(name);
  if (!validName.success) throw new DiagramSourceError(`<Diagram name="${name}">: the name must be kebab-case`);
  const dir = diagramsDir(root);
  const file = path.join(dir, `${name}.json`);
  if (!existsSync(file)) {
    const known = existsSync(dir) ? listDiagrams(root).join(', ') : '(none)';
    throw new DiagramSourceError(
      `<Diagram name="${name}">: ${path.relative(root, file)} does not exist; add it or use one of: ${known}`,
    );
  }
  return parseDiagramFile(path.relative(root, file), readFileSync(file, 'utf8'));
}

/** Names of every diagram source, sorted. */
export function listDiagrams(root: string): string[] {
  return readdirSync(diagramsDir(root))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

// First step of `npm run build`: every diagram source parses, is valid and renders, and every
// <Diagram name="…"> in a chapter names an existing source. Fails (exit 1) naming the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagramSourceError, diagramsDir, listDiagrams, loadDiagram } from '../src/diagram/load.ts';
import { renderDiagram } from '../src/diagram/render.ts';

const root = path.resolve(import.meta.dirname, '..');
const errors: string[] = [];
const names = listDiagrams(root);
for (const name of names) {
  try {
    renderDiagram(name, loadDiagram(root, name));
  } catch (error) {
    errors.push(error instanceof DiagramSourceError ? error.message : `diagram ${name}: ${String(error)}`);
  }
}

const weeksDir = path.join(root, process.env['WORKBOOK_WEEKS_DIR'] ?? 'src/content/weeks');
for (const file of readdirSync(weeksDir).filter((f) => f.endsWith('.mdx'))) {
  const text = readFileSync(path.join(weeksDir, file), 'utf8');
  for (const match of text.matchAll(/<Diagram\s+name="([^"]*)"/g)) {
    if (!names.includes(match[1] as string)) {
      errors.push(
        `${path.relative(root, path.join(weeksDir, file))}: <Diagram name="${match[1]}"> has no source in ${path.relative(root, diagramsDir(root))}/`,
      );
    }
  }
}

if (errors.length > 0) {
  console.error(`diagrams: ${errors.length} problem(s):\n${errors.join('\n')}`);
  process.exit(1);
}
console.log(`diagrams: ${names.length} sources valid`);

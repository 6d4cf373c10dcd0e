// Deliberately broken reference services, one or more per milestone (checks/project/variants/*.json):
// each is the reference with a few anchored edits, so it cannot drift from the service it breaks.
// A milestone's suite must fail on every variant, on the check the variant names.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectMilestone, type ProjectVariant, projectVariantSchema } from '../../src/schemas/project.ts';

export interface LoadedVariant extends ProjectVariant {
  id: string;
}

const variantsDir = (repo: string) => join(repo, 'checks', 'project', 'variants');

/** Every variant of a milestone, validated (a broken file fails naming the file and field). */
export function loadVariants(repo: string, milestone: ProjectMilestone): LoadedVariant[] {
  const dir = variantsDir(repo);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = projectVariantSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `checks/project/variants/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        );
      return { ...parsed.data, id: name.replace(/\.json$/, '') };
    })
    .filter((variant) => variant.milestone === milestone);
}

/** Copies service/ (without node_modules, builds, coverage) to `dest`, deletes what the variant removes and applies its edits. */
export function writeVariant(repo: string, variant: LoadedVariant, dest: string): void {
  const service = join(repo, 'service');
  cpSync(service, dest, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist|coverage)([/\\]|$)/.test(source.slice(service.length)),
  });
  for (const path of variant.remove) {
    if (!existsSync(join(dest, path)))
      throw new Error(
        `variant ${variant.id}: service/${path} does not exist; the service changed, so update checks/project/variants/${variant.id}.json.`,
      );
    rmSync(join(dest, path), { recursive: true });
  }
  for (const edit of variant.edits) {
    const file = join(dest, edit.file);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const count = text === undefined ? 0 : text.split(edit.find).length - 1;
    if (text === undefined || count !== 1)
      throw new Error(
        `variant ${variant.id}: the anchor for service/${edit.file} occurs ${count} times (needs exactly 1); the service changed, so update checks/project/variants/${variant.id}.json.`,
      );
    writeFileSync(
      file,
      text.replace(edit.find, () => edit.replace),
    );
  }
}

// Vite plugin: Monaco's stylesheets become small modules that inject a <style> when the editor
// chunk runs. Astro hoists the CSS of every module a page script can reach, dynamic imports
// included (withastro/astro#9495), which would put ~175 KB of editor CSS, render-blocking, on every
// chapter with an exercise. Assets the CSS points at (the codicon font) stay same-origin files.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0workbook-monaco-css:';
const MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

/** Serves CSS imported from inside monaco-editor as JS that injects it at run time. */
export function monacoCssInJs(): Plugin {
  return {
    name: 'workbook:monaco-css-in-js',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !MONACO.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The .js suffix keeps Vite's own CSS pipeline away from the module.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const imports: string[] = [];
      const parts: string[] = [];
      let last = 0;
      const css = readFileSync(file, 'utf8');
      for (const match of css.matchAll(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g)) {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${resolve(dirname(file), match[2] ?? '')}?url`)};`);
        parts.push(JSON.stringify(css.slice(last, match.index)), `"url(" + JSON.stringify(${name}) + ")"`);
        last = (match.index ?? 0) + match[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return `${imports.join('\n')}
const css = ${parts.join(' + ')};
if (typeof document !== 'undefined') {
  const style = document.createElement('style');
  style.dataset.monaco = ${JSON.stringify(file.split(/[\\/]/).pop())};
  style.textContent = css;
  document.head.append(style);
}
`;
    },
  };
}

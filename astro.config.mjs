// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { monacoCssInJs } from './src/build/monaco-css-plugin.ts';
import { monacoOwnTsWorker } from './src/build/monaco-ts-worker-plugin.ts';

// Headers the built site needs (the in-browser runtime requires cross-origin isolation). The
// production server (server/headers.ts) sends the same set; this copy keeps `astro dev` honest.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  // WORKBOOK_DIST lets a second build (tests, benchmarks) write elsewhere without clobbering dist/.
  outDir: process.env.WORKBOOK_DIST ?? './dist',
  // BASE=/workbook/ builds the site for a sub-path of a static host (links use withBase()).
  base: process.env.BASE || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Everything is served from one origin and must work offline: no prefetch hints, no telemetry.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      // Dual themes: light colours inline, dark ones as --shiki-dark variables (src/styles/code.css).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      wrap: false,
    },
  },
  // The editor's CSS travels with its lazy chunk instead of being hoisted into every page; the
  // editor's TypeScript worker is the workbook's own, so Monaco's stock one is left out.
  vite: { plugins: [monacoCssInJs(), monacoOwnTsWorker()] },
  server: { host: '127.0.0.1', headers: isolationHeaders },
});

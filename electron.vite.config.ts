import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The browser host and the export CLI are Node programs built beside the
        // Electron main entry, so they run the very same notebook services.
        input: {
          index: resolve(root, 'src-main/main/index.ts'),
          host: resolve(root, 'src-main/host/index.ts'),
          // npm start without Electron: the host shown in an installed browser's app window.
          'browser-app': resolve(root, 'src-main/host/browser-app.ts'),
          'export-cli': resolve(root, 'src-main/cli/index.ts'),
          'import-cli': resolve(root, 'src-main/cli/import-main.ts'),
          'schema-cli': resolve(root, 'src-main/cli/schema-main.ts'),
          'suggest-cli': resolve(root, 'src-main/cli/suggest-main.ts'),
          // Imports run in a worker thread of the app and of the host (importer.ts).
          'import-worker': resolve(root, 'src-main/notebook/import/import-worker.ts'),
          // Suggested leads are computed in a worker thread too (suggest/suggester.ts).
          'suggest-worker': resolve(root, 'src-main/notebook/suggest/suggest-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      // A smaller script is parsed sooner: the article's first paint waits on it.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // The renderer reaches the shared contract and model as @shared/…, never by a ../../ climb.
    resolve: { alias: { '@shared': resolve(root, 'src-main/shared'), react: 'preact/compat', 'react-dom': 'preact/compat' } },
  },
});

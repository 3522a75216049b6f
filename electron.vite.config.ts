// Builds the three bundles: Electron main (with the core), preload (CommonJS,
// as sandboxed preloads require) and the React renderer.
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** The core reads its numbered SQL migrations from disk next to the bundle. */
const copyMigrations = {
  name: 'shopdesk-copy-migrations',
  closeBundle(): void {
    cpSync(resolve('src/db/migrations'), resolve('out/main/migrations'), { recursive: true });
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main.ts') } },
    },
    plugins: [copyMigrations],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
      // Minified: serve mode sends this bundle over HTTP on every cold start.
      minify: true,
      chunkSizeWarningLimit: 4000,
    },
    plugins: [react()],
  },
});

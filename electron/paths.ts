// Where the shell finds its own files and keeps the user's. Everything is
// resolved from the main bundle's location (out/main/index.js) rather than the
// working directory, so `electron .` works from anywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from 'electron';

/** out/main/ — this file is bundled into out/main/index.js. */
const mainDir = fileURLToPath(new URL('.', import.meta.url));

export const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
export const rendererHtmlPath = join(mainDir, '..', 'renderer', 'index.html');
/** The renderer's file:// URL; the IPC sender check compares against it. */
export const rendererFileUrl = pathToFileURL(rendererHtmlPath).href;

/**
 * The Vite dev server URL that `electron-vite dev` passes in. Ignored in a
 * packaged app so an environment variable cannot point the window (and the
 * IPC bridge to the database) at another origin.
 */
export function devRendererUrl(): string | undefined {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return url && !app.isPackaged ? url : undefined;
}

export function databasePath(): string {
  return join(app.getPath('userData'), 'shopdesk.db');
}

export function windowStatePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/**
 * better-sqlite3 built for Electron's ABI by scripts/start.mjs. The copy in
 * node_modules is built for Node (tests, serve mode) and would fail to load
 * here, so it is never used by the shell. Undefined when neither exists: the
 * core then falls back to node_modules and reports the ABI error itself.
 */
export function nativeBindingPath(): string | undefined {
  const fromEnv = process.env['SHOPDESK_NATIVE_BINDING'];
  if (fromEnv) return fromEnv;
  const built = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}

export function readmePath(): string {
  return join(app.getAppPath(), 'README.md');
}

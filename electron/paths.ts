// Where the shell finds its own files and keeps the user's. Everything is
// resolved from the main bundle's location (out/main/index.js) rather than the
// working directory, so `electron .` works from anywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { developmentSwitches, type DevelopmentSwitches } from './dev-switches.js';

/** out/main/ — this file is bundled into out/main/index.js. */
const mainDir = fileURLToPath(new URL('.', import.meta.url));

export const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
/** The built renderer, served over app:// (app-protocol-handler.ts). */
export const rendererDir = join(mainDir, '..', 'renderer');

/** Decided once: neither app.isPackaged nor the environment changes while the app runs. */
let switches: DevelopmentSwitches | undefined;
function currentSwitches(): DevelopmentSwitches {
  switches ??= developmentSwitches(app.isPackaged, process.env);
  return switches;
}

/** The Vite dev server URL that `electron-vite dev` passes in; undefined in a packaged app. */
export function devRendererUrl(): string | undefined {
  return currentSwitches().rendererUrl;
}

export function devToolsAllowed(): boolean {
  return currentSwitches().devTools;
}

export function databasePath(): string {
  return join(app.getPath('userData'), 'shopdesk.db');
}

export function windowStatePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/**
 * better-sqlite3 built for Electron's ABI. The copy in node_modules is built
 * for Node (tests, serve mode) and would fail to load here, so the shell never
 * uses it. Packaged: the build that scripts/package-native.mjs put in
 * out/native/, unpacked from the asar archive (electron-builder.config.cjs
 * asarUnpack) because a native library cannot be loaded from inside it.
 * Development: SHOPDESK_NATIVE_BINDING (scripts/start.mjs) or .electron-native/.
 * Undefined when none exists: the core then falls back to node_modules and
 * reports the ABI error itself.
 */
export function nativeBindingPath(): string | undefined {
  if (app.isPackaged) return join(process.resourcesPath, 'app.asar.unpacked', 'out', 'native', 'better_sqlite3.node');
  const fromEnv = currentSwitches().nativeBinding;
  if (fromEnv) return fromEnv;
  const built = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}

/** The README: next to the app in a checkout, in resources/ when packaged (extraResources; the OS cannot open files inside app.asar). */
export function readmePath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'README.md') : join(app.getAppPath(), 'README.md');
}

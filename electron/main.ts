// Electron main process: a thin shell around the core. It opens the database,
// creates one hardened window, wires the single IPC channel, and closes the
// core before the process exits. Everything a user can do lives in src/.
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { createCore, type Core } from '../src/core.js';
import { AppError } from '../src/shared/app-error.js';
import { safeStorageSealer, type SecretSealer } from '../src/sync/credential-vault.js';
import { appIndexUrl } from './app-protocol.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol-handler.js';
import { isAppPageUrl } from './app-url.js';
import { contentSecurityPolicy } from './csp.js';
import { wireIpc } from './ipc.js';
import { notifyAlerts } from './alert-notifications.js';
import { buildAppMenu } from './menu.js';
import { confirmAndOpenExternal } from './open-external.js';
import {
  databasePath,
  devRendererUrl,
  devToolsAllowed,
  nativeBindingPath,
  preloadPath,
  rendererDir,
  windowStatePath,
} from './paths.js';
import { hardenWebContents, installSessionSecurity } from './session-security.js';
import { shopLocale } from './shop-locale.js';
import { defaultSize, loadWindowState, trackWindowState } from './window-state.js';

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let unwireIpc: (() => void) | undefined;

function logError(error: unknown): void {
  console.error(error);
}

function createWindow(): BrowserWindow {
  const saved = loadWindowState(windowStatePath());
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : defaultSize),
    minWidth: 900,
    minHeight: 600,
    title: 'Shopdesk',
    // Shown once the first paint is ready, to avoid a white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Defence in depth: these are already the defaults.
      webviewTag: false,
      allowRunningInsecureContent: false,
      // Development builds only (dev-switches.ts): DevTools would let anyone run code with the bridge.
      devTools: devToolsAllowed(),
    },
  });
  if (saved?.isMaximized) window.maximize();
  trackWindowState(windowStatePath(), window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });

  // app://, not file://: the page gets the CSP as a response header and an origin of its own.
  const loading = window.loadURL(devRendererUrl() ?? appIndexUrl);
  loading.catch((error: unknown) => {
    logError(error);
    dialog.showErrorBox('Shopdesk could not load its window', String(error));
  });
  return window;
}

function openExternal(url: string, fromApp: boolean): void {
  confirmAndOpenExternal(url, fromApp, { parent: () => mainWindow, locale: () => shopLocale(core) }).catch(logError);
}

function focusWindow(): void {
  // Before startup finished (or after the database failed to open) there is nothing to show.
  if (!core) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * Channel credentials are sealed by the OS keychain when it offers real protection; otherwise
 * (no keychain, or Linux's hard-coded 'basic_text' fallback) the core's owner-only key file.
 */
function credentialSealer(): SecretSealer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return safeStorageSealer(safeStorage);
}

/** Opens the core; on failure tells the user why (DB_TOO_NEW, MIGRATION_FAILED, …) and quits. */
function openCore(): Core | undefined {
  try {
    return createCore({
      dbPath: databasePath(),
      nativeBinding: nativeBindingPath(),
      appVersion: app.getVersion(),
      logError,
      face: 'desktop',
      secretSealer: credentialSealer(),
    });
  } catch (error) {
    logError(error);
    const message =
      error instanceof AppError
        ? `${error.message}\n\n(${error.code})\nDatabase: ${databasePath()}`
        : `An unexpected error stopped Shopdesk from opening its database:\n\n${String(error)}\n\nDatabase: ${databasePath()}`;
    dialog.showErrorBox('Shopdesk cannot open its database', message);
    return undefined;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const policy = contentSecurityPolicy(devRendererUrl());
  installSessionSecurity(policy);
  serveAppProtocol(session.defaultSession, rendererDir, policy);
  Menu.setApplicationMenu(buildAppMenu());

  core = openCore();
  if (!core) {
    // exit, not quit: there is nothing to clean up and no window to close.
    app.exit(1);
    return;
  }
  unwireIpc = wireIpc(core, () => mainWindow);
  // Alerts become a daily digest plus immediate notices for urgent groups (alert-notifications.ts).
  notifyAlerts(core);
  mainWindow = createWindow();

  // macOS: clicking the dock icon with no window open brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

// Two instances on one database would fight over it; the second one just
// brings the first one's window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Privileged schemes must be registered before 'ready'.
  registerAppScheme();
  // Every renderer is sandboxed, including any created later by mistake.
  app.enableSandbox();
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppPage: (url) => isAppPageUrl(url, devRendererUrl()), openExternal }),
  );

  app.on('window-all-closed', () => {
    // macOS apps stay open without windows; elsewhere closing the window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });

  // The core must finish its jobs and close SQLite cleanly (WAL checkpoint),
  // so hold the quit until close() resolves, then quit again.
  let closing = false;
  app.on('will-quit', (event) => {
    const open = core;
    if (!open) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    unwireIpc?.();
    open
      .close()
      .catch(logError)
      .finally(() => {
        core = undefined;
        app.quit();
      });
  });

  start().catch((error: unknown) => {
    logError(error);
    dialog.showErrorBox('Shopdesk failed to start', String(error));
    app.exit(1);
  });
}

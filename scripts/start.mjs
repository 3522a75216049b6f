// `npm start`: everything needed to run the desktop app from a checkout.
//   1. find the Electron runtime (fetching it once if missing),
//   2. build better-sqlite3 for Electron's ABI into .electron-native/,
//   3. build main, preload and renderer with electron-vite,
//   4. run Electron and pass its exit code on.
// Never a dead end: where the Electron runtime cannot be had (no access to
// github.com, no toolchain for the native module), it says so in one line and
// starts the same workstation in serve mode on the desktop app's own shop file,
// prints the address and opens it in the default browser.
// Plain Node ESM (no TypeScript) so it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeModule, electronGypArgs, isUpToDate, readJson } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const nativeDir = join(root, '.electron-native');
/** Long enough for a real download of ~100 MB, short enough not to hang offline behind a silent proxy. */
const downloadTimeoutMs = 60_000;

const say = (message) => console.log(`[start] ${message}`);
/** Why the desktop window cannot open, said once when serve mode takes over. */
let fallbackReason = 'The desktop runtime is not available';

function fail(message) {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
}

/** The executable that electron's install.js extracts; path.txt names it relative to dist/. */
function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (override) {
    const file = join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(file) ? file : undefined;
  }
  if (!relative) return undefined;
  const file = join(electronDir, 'dist', relative);
  return existsSync(file) ? file : undefined;
}

/** The Electron binary, downloading it once if missing; undefined (with the reason said) when it cannot be had. */
function findOrFetchElectron(version) {
  const found = electronBinary();
  if (found) return found;
  // Tests of the fallback (and people who never want the download) skip it.
  if (process.env.SHOPDESK_NO_ELECTRON === '1') {
    fallbackReason = 'The Electron runtime is turned off (SHOPDESK_NO_ELECTRON=1)';
    return undefined;
  }
  // Electron >= 42 has no postinstall download: the binary is fetched on first use.
  say(`The Electron ${version} runtime is not installed yet; downloading it from github.com (once, up to ${downloadTimeoutMs / 1000} s) ...`);
  // Its output is a stack trace when offline: kept out of the person's way, the outcome is said in one line.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'pipe',
    timeout: downloadTimeoutMs,
  });
  const fetched = electronBinary();
  if (fetched) return fetched;
  fallbackReason = `The Electron ${version} runtime could not be downloaded (${result.error?.code === 'ETIMEDOUT' ? 'the download timed out' : 'no internet access to github.com?'})`;
  return undefined;
}

function ensureNativeModule(electronVersion) {
  const stamp = {
    electronVersion,
    betterSqlite3Version: readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
  if (isUpToDate(nativeDir, stamp)) {
    say(`better-sqlite3 ${stamp.betterSqlite3Version} for Electron ${electronVersion} is up to date (.electron-native/).`);
    return true;
  }
  say(
    `Building better-sqlite3 ${stamp.betterSqlite3Version} for Electron ${electronVersion} (${process.arch}) into .electron-native/ ` +
      '(once per version; about 1-2 minutes; downloads Electron headers from electronjs.org the first time) ...',
  );
  const ok = buildNativeModule({ root, outDir: nativeDir, stamp, gypArgs: electronGypArgs(electronVersion), log: say });
  if (!ok) {
    fallbackReason = 'better-sqlite3 could not be built for Electron (it needs a C++ toolchain, Python and, once, access to electronjs.org)';
    return false;
  }
  say('better-sqlite3 for Electron is ready.');
  return true;
}

function buildApp() {
  if (process.env.SHOPDESK_SKIP_BUILD === '1' && existsSync(join(root, 'out', 'renderer', 'index.html'))) return;
  say('Building the app (electron-vite build) ...');
  // Run the CLI's JS entry with this Node rather than node_modules/.bin/electron-vite,
  // which is a shell shim on Windows.
  const cli = join(root, 'node_modules', 'electron-vite', readJson(join(root, 'node_modules', 'electron-vite', 'package.json')).bin['electron-vite']);
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('electron-vite build failed (see above).');
}

function runElectron(binary) {
  say('Starting Shopdesk ...');
  const env = { ...process.env, SHOPDESK_NATIVE_BINDING: join(nativeDir, 'better_sqlite3.node') };
  // Set by some editors' terminals; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    fallbackReason = `Electron could not be started (${error.message})`;
    announceFallback();
    runServeMode();
  });
  child.on('exit', (code, signal) => {
    if (signal) console.error(`[start] Electron exited with signal ${signal}.`);
    process.exit(code ?? 1);
  });
}

/**
 * The same workstation in the browser, on the desktop app's own shop file (serve mode's default
 * --db is Electron's user-data folder). Ctrl+C reaches both processes; this one waits for the
 * server to close its shop and passes its exit code on.
 */
function announceFallback() {
  say(`${fallbackReason}: starting the same workstation in your browser instead (serve mode, your own shop file; Ctrl+C stops it).`);
}

function runServeMode() {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsx, join(root, 'src', 'server', 'serve-cli.ts'), '--open', ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    // The terminal sends Ctrl+C to both; a kill of this process alone is passed on.
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`Could not start serve mode: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (!existsSync(join(root, 'node_modules', 'tsx', 'package.json'))) fail('The dependencies are not installed: run `npm install` first.');
const electronInstalled = existsSync(join(electronDir, 'package.json'));
if (!electronInstalled) fallbackReason = 'The electron package is not installed';
const electronVersion = electronInstalled ? readJson(join(electronDir, 'package.json')).version : undefined;
const binary = electronVersion ? findOrFetchElectron(electronVersion) : undefined;
const nativeReady = binary !== undefined && ensureNativeModule(electronVersion);
if (!binary || !nativeReady) announceFallback();
buildApp();
if (binary && nativeReady) runElectron(binary);
else runServeMode();

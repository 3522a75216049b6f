// `npm start`: everything needed to run the desktop app from a checkout.
//   1. find the Electron runtime (fetching it once if missing),
//   2. build better-sqlite3 for Electron's ABI into .electron-native/,
//   3. build main, preload and renderer with electron-vite,
//   4. run Electron and pass its exit code on.
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

function findOrFetchElectron(version) {
  const found = electronBinary();
  if (found) return found;
  // Electron >= 42 has no postinstall download: the binary is fetched on first use.
  say(`The Electron ${version} runtime is not installed yet; downloading it from github.com (once, up to ${downloadTimeoutMs / 1000} s) ...`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'inherit',
    timeout: downloadTimeoutMs,
  });
  if (result.error?.code === 'ETIMEDOUT') say('The download timed out.');
  const fetched = electronBinary();
  if (fetched) return fetched;
  return fail(
    [
      `The Electron ${version} runtime could not be downloaded (no internet access to github.com?).`,
      'The desktop app needs it once; after that `npm start` works offline.',
      '',
      'The same workstation runs in a browser without Electron:',
      '    npm run serve',
      'then open the address it prints.',
    ].join('\n'),
  );
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
    return;
  }
  say(
    `Building better-sqlite3 ${stamp.betterSqlite3Version} for Electron ${electronVersion} (${process.arch}) into .electron-native/ ` +
      '(once per version; about 1-2 minutes; downloads Electron headers from electronjs.org the first time) ...',
  );
  const ok = buildNativeModule({ root, outDir: nativeDir, stamp, gypArgs: electronGypArgs(electronVersion), log: say });
  if (!ok) {
    fail(
      'Could not build better-sqlite3 for Electron. It needs a C++ toolchain and Python (as for `npm install`) ' +
        'and, the first time, internet access to electronjs.org for the headers. ' +
        'The browser version (`npm run serve`) does not need this step.',
    );
  }
  say('better-sqlite3 for Electron is ready.');
}

function buildApp() {
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
  child.on('error', (error) => fail(`Could not start Electron: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (signal) console.error(`[start] Electron exited with signal ${signal}.`);
    process.exit(code ?? 1);
  });
}

if (!existsSync(join(electronDir, 'package.json'))) fail('node_modules/electron is missing: run `npm install` first.');
const electronVersion = readJson(join(electronDir, 'package.json')).version;
const binary = findOrFetchElectron(electronVersion);
ensureNativeModule(electronVersion);
buildApp();
runElectron(binary);

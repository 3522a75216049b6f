// `npm run package`, step 2 of 3 (after electron-vite build, before
// electron-builder): puts better-sqlite3 built for the packaged Electron's ABI
// at out/native/better_sqlite3.node, where electron-builder packs it (unpacked
// from app.asar, see electron-builder.config.cjs) and electron/paths.ts loads
// it from. The build is the same one `npm start` makes in .electron-native/
// (reused when up to date), so node_modules/better-sqlite3 (Node's ABI, used by
// tests and serve mode) is never rebuilt in place; electron-builder's own
// rebuild is off (npmRebuild: false) for the same reason.
// Builds for this machine's OS and architecture only: native modules cannot be
// cross-compiled here, so each platform's package is made on that platform.
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeModule, electronGypArgs, isUpToDate, readJson } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const nativeDir = join(root, '.electron-native');
const targetDir = join(root, 'out', 'native');
const say = (message) => console.log(`[package] ${message}`);

const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
const stamp = {
  electronVersion,
  betterSqlite3Version: readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
  platform: process.platform,
  arch: process.arch,
};

if (isUpToDate(nativeDir, stamp)) {
  say(`better-sqlite3 ${stamp.betterSqlite3Version} for Electron ${electronVersion} (${process.arch}) is up to date in .electron-native/.`);
} else {
  say(`Building better-sqlite3 ${stamp.betterSqlite3Version} for Electron ${electronVersion} (${process.arch}); needs a C++ toolchain, Python and, once, electronjs.org for the headers ...`);
  if (!buildNativeModule({ root, outDir: nativeDir, stamp, gypArgs: electronGypArgs(electronVersion), log: say })) {
    console.error('\n[package] better-sqlite3 could not be built for Electron; no package was made.\n');
    process.exit(1);
  }
}

mkdirSync(targetDir, { recursive: true });
const target = join(targetDir, 'better_sqlite3.node');
// Copy then rename: an interrupted copy never leaves a truncated module to be packed.
copyFileSync(join(nativeDir, 'better_sqlite3.node'), `${target}.tmp`);
renameSync(`${target}.tmp`, target);
say('out/native/better_sqlite3.node is ready for electron-builder.');

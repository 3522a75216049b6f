// Builds better-sqlite3 for Electron's ABI into .electron-native/, separate
// from node_modules/better-sqlite3 (built for Node, used by tests and serve
// mode). Electron loads it through better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** npm's bundled node-gyp: the same one `npm rebuild` would use, so no extra dependency. */
export function findNodeGyp(root) {
  const inNpm = (npmDir) => join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const candidates = [];
  // Set by `npm start`: <npm>/bin/npm-cli.js.
  const execPath = process.env.npm_execpath;
  if (execPath) candidates.push(inNpm(dirname(dirname(execPath))));
  // A project-local node-gyp, if someone installed one.
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] }));
  } catch {
    // Not installed locally: fine, npm's copy is the usual one.
  }
  // `node scripts/start.mjs` without npm: npm sits next to node.
  const nodeDir = dirname(process.execPath);
  candidates.push(inNpm(join(nodeDir, '..', 'lib', 'node_modules', 'npm'))); // Unix layout
  candidates.push(inNpm(join(nodeDir, 'node_modules', 'npm'))); // Windows layout
  return candidates.find((file) => existsSync(file));
}

/**
 * The environment for node-gyp. node-gyp copies every npm_config_* variable
 * over its command-line options, and `npm start` exports all of npm's config
 * that way; on this kind of machine that includes nodedir=/usr, which would
 * silently build against Node's headers (wrong ABI). So npm's config is
 * dropped, except the network and toolchain settings a header download and a
 * compile still need.
 */
export function nodeGypEnv(base = process.env) {
  const keep = new Set([
    'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy',
    'cafile', 'ca', 'strict_ssl', 'python', 'msvs_version', 'jobs',
  ]);
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    const npmConfig = /^npm_config_(.*)$/i.exec(key);
    if (npmConfig && !keep.has((npmConfig[1] ?? '').toLowerCase().replaceAll('-', '_'))) continue;
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** node-gyp arguments for Electron's headers. Its own devdir keeps them apart from Node's header cache. */
export function electronGypArgs(electronVersion) {
  return [
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    `--devdir=${join(homedir(), '.electron-gyp')}`,
  ];
}

/**
 * Copies better-sqlite3 to a temp dir, rebuilds it there with `gypArgs`, and
 * installs the .node file plus a stamp into `outDir`. Returns true on success.
 * The copy keeps node_modules/better-sqlite3/build (Node's build) untouched.
 */
export function buildNativeModule({ root, outDir, stamp, gypArgs, log = console.log }) {
  const nodeGyp = findNodeGyp(root);
  if (!nodeGyp) {
    log('Could not find node-gyp (it ships with npm). Run this through `npm start`.');
    return false;
  }
  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'shopdesk-better-sqlite3-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    const oldBuild = join(source, 'build');
    // Skip the existing Node build: rebuild would delete it anyway, and it is large.
    cpSync(source, pkg, { recursive: true, filter: (file) => file !== oldBuild && !file.startsWith(oldBuild + sep) });
    log(`Running node-gyp (${nodeGyp}) in ${pkg} ...`);
    const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', ...gypArgs], {
      cwd: pkg,
      env: nodeGypEnv(),
      stdio: 'inherit',
    });
    const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      log(`node-gyp failed (${result.error ? result.error.message : `exit code ${result.status}`}).`);
      return false;
    }
    mkdirSync(outDir, { recursive: true });
    // Copy then rename, so an interrupted copy never leaves a broken module behind a valid stamp.
    const target = join(outDir, 'better_sqlite3.node');
    copyFileSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    writeFileSync(join(outDir, 'stamp.json'), `${JSON.stringify(stamp, null, 2)}\n`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when outDir already holds a module built for exactly this stamp. */
export function isUpToDate(outDir, stamp) {
  if (!existsSync(join(outDir, 'better_sqlite3.node'))) return false;
  try {
    const current = readJson(join(outDir, 'stamp.json'));
    return Object.entries(stamp).every(([key, value]) => current[key] === value);
  } catch {
    return false;
  }
}

#!/usr/bin/env node
// Installs the Vendure peer's own dependencies (tests/vendure-peer/node_modules) when they are
// missing or stale. Idempotent and fast when already installed: a marker file inside node_modules
// holds a hash of package.json + package-lock.json, so a second run is one hash and one file read.
// Exit code 0 = installed (or already was); 1 = install failed, with the reason on stderr.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const peerDir = dirname(fileURLToPath(import.meta.url));
const markerPath = join(peerDir, 'node_modules', '.shopdesk-peer-install-hash');
// A cold `npm ci` takes about a minute here; leave room for a slow registry, but never hang a test run.
const installTimeoutMs = Number(process.env.VENDURE_PEER_INSTALL_TIMEOUT_MS ?? 600_000);

function manifestHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(peerDir, file)));
  return hash.digest('hex');
}

function isInstalled(expectedHash) {
  if (!existsSync(join(peerDir, 'node_modules', '@vendure', 'core', 'package.json'))) return false;
  return existsSync(markerPath) && readFileSync(markerPath, 'utf8').trim() === expectedHash;
}

const expectedHash = manifestHash();
if (isInstalled(expectedHash)) {
  console.log('vendure-peer: already installed');
  process.exit(0);
}

const started = Date.now();
console.log('vendure-peer: installing with npm ci (first run only)…');
const result = spawnSync('npm', ['ci', '--prefix', peerDir, '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd: peerDir,
  stdio: ['ignore', 'inherit', 'inherit'],
  timeout: installTimeoutMs,
  killSignal: 'SIGKILL',
  env: { ...process.env, VENDURE_DISABLE_TELEMETRY: 'true' },
});
if (result.error || result.status !== 0) {
  const why = result.error ? result.error.message : `npm ci exited with ${result.status ?? result.signal}`;
  console.error(`vendure-peer: install failed (${why}). Is the npm registry reachable?`);
  process.exit(1);
}
writeFileSync(markerPath, `${expectedHash}\n`);
console.log(`vendure-peer: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Test-side control of the Vendure peer: install its packages when needed and run a server
// process (server.mjs) that tests stop in afterAll. Node builtins only, so the root typecheck
// does not depend on the peer being installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const peerDir = dirname(fileURLToPath(import.meta.url));
const readyMarker = 'VENDURE_PEER_READY ';

export interface RunningVendurePeer {
  adminApiUrl: string;
  superadmin: string;
  password: string;
  pid: number;
  /** SIGTERM, then SIGKILL if the server has not exited within the grace period. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Installs tests/vendure-peer/node_modules when missing or stale (see install.mjs); rejects with npm's reason. */
export async function ensureVendurePeerInstalled(timeoutMs = 600_000): Promise<void> {
  const child = spawn(process.execPath, [join(peerDir, 'install.mjs')], {
    cwd: peerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VENDURE_PEER_INSTALL_TIMEOUT_MS: String(timeoutMs) },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await exited(child);
  if (child.exitCode !== 0) {
    throw new Error(`The Vendure peer could not be installed (npm ci in tests/vendure-peer failed):\n${output.slice(-4000)}`);
  }
}

export interface StartOptions {
  superadmin?: string;
  password?: string;
  startTimeoutMs?: number;
}

export async function startVendurePeer(options: StartOptions = {}): Promise<RunningVendurePeer> {
  const superadmin = options.superadmin ?? 'superadmin';
  const password = options.password ?? 'shopdesk-peer-password';
  const child = spawn(process.execPath, [join(peerDir, 'server.mjs'), '--superadmin', superadmin, '--password', password], {
    cwd: peerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VENDURE_DISABLE_TELEMETRY: 'true' },
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = exited(child);
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(killTimer);
  };

  let log = '';
  try {
    const adminApiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The Vendure peer did not become ready within ${options.startTimeoutMs ?? 60_000} ms:\n${log.slice(-4000)}`)),
        options.startTimeoutMs ?? 60_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const line = log.split('\n').find((candidate) => candidate.startsWith(readyMarker));
        if (line) {
          clearTimeout(timer);
          resolve(line.slice(readyMarker.length).trim());
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The Vendure peer exited before it was ready (${code ?? signal}):\n${log.slice(-4000)}`));
      });
    });
    if (child.pid === undefined) throw new Error('The Vendure peer process has no pid');
    return { adminApiUrl, superadmin, password, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Starts a private serve-mode process on a fresh temp database, for specs that
// need a shop in a particular state (no shop yet) without touching the shared one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eToken } from './env.js';

export interface ServeProcess {
  origin: string;
  stop(): Promise<void>;
}

export async function startServe(extraArgs: string[] = []): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-own-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/serve-cli.ts', '--db', join(dir, 'shop.sqlite'), '--port', '0', '--token', e2eToken, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve-cli did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Shopdesk serve mode: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve-cli exited with ${code}:\n${output}`));
    });
  });
  return {
    origin,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

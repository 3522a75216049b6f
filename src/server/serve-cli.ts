// `npm run serve`: the workstation in a browser. Opens the shop database, serves
// the built renderer and the core on 127.0.0.1, and prints the address with
// its access token.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createCore, type Core } from '../core.js';
import { AppError } from '../shared/app-error.js';
import { demoSizeSchema } from '../shop/contract.js';
import { localeSchema } from '../settings/contract.js';
import { databaseFileName, defaultDataDir } from './data-dir.js';
import { startServer } from './http-server.js';
import { openInBrowser } from './open-browser.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const defaultPort = 5178;

const argsSchema = z.object({
  db: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).optional(),
  open: z.boolean().default(false),
  token: z.string().min(16, { message: 'token must be at least 16 characters' }).optional(),
  demo: demoSizeSchema.optional(),
  locale: localeSchema.optional(),
});

function fail(message: string): never {
  console.error(`Shopdesk serve mode: ${message}`);
  process.exit(1);
}

function readArgs(): z.infer<typeof argsSchema> {
  try {
    const { values } = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        demo: { type: 'string' },
        locale: { type: 'string' },
        open: { type: 'boolean' },
      },
    });
    const parsed = argsSchema.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run serve -- [--db FILE] [--port N] [--token T] [--demo small|large] [--open]`);
  }
}

/** With --demo, a database without a shop gets the demo shop before the address is printed. */
async function ensureDemo(core: Core, size: 'small' | 'large', locale: 'en' | 'zh-CN' | undefined): Promise<void> {
  const status = await core.call('shop.status', {});
  if (!status.ok || (status.value as { ready: boolean }).ready) return;
  const started = await core.call('shop.createDemo', { size, locale });
  if (!started.ok) fail(started.error.message);
  const { jobId } = started.value as { jobId: string };
  console.log(`Generating the ${size} demo shop…`);
  await new Promise<void>((resolveDone) => {
    const stop = core.on((event) => {
      if (event.name !== 'job.progress' || event.payload.id !== jobId || event.payload.status === 'running') return;
      stop();
      if (event.payload.status !== 'succeeded') fail(event.payload.error?.message ?? 'demo generation failed');
      resolveDone();
    });
  });
}

/** The chosen port; without --port, 5178 or (when another program has it) any free one. */
async function listen(core: Core, rendererDir: string, token: string, port: number | undefined) {
  try {
    return await startServer({ core, rendererDir, token, port: port ?? defaultPort });
  } catch (error) {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    if (!inUse || port !== undefined) throw error;
    return startServer({ core, rendererDir, token, port: 0 });
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  const rendererDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) fail('the renderer is not built; run `npm run build` first.');
  const dbPath = resolve(args.db ?? join(defaultDataDir(), databaseFileName));
  mkdirSync(dirname(dbPath), { recursive: true });
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));

  let core: Core;
  try {
    core = createCore({ dbPath, appVersion: version, face: 'serve' });
  } catch (error) {
    fail(error instanceof AppError ? error.message : String(error));
  }
  if (args.demo) await ensureDemo(core, args.demo, args.locale);
  const token = args.token ?? randomBytes(24).toString('base64url');
  let server;
  try {
    server = await listen(core, rendererDir, token, args.port);
  } catch (error) {
    await core.close();
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    fail(inUse ? `port ${args.port} is in use; choose another with --port N (0 picks a free one).` : String(error));
  }
  const address = `${server.url}/?token=${token}`;
  console.log(`Database: ${dbPath}`);
  console.log(`Shopdesk serve mode: ${address}`);
  if (args.open) openInBrowser(address);

  const shutdown = (): void => {
    void server.close().then(() => core.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();

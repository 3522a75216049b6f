// kill -9 of the sync in the middle (issue 14, "Crash safety"): a child process (sync-child.ts)
// holds the shop file's lock and pushes (and pulls) against an emulator this test runs; it is
// killed with SIGKILL while a stock write is in flight, local stock changes meanwhile, and a
// restarted child finishes. The end state must equal that of the same scenario synced without
// a kill: remote quantities = available-to-sell, every order once, outbox empty, levels = ledger.
// The killed process's lock must be recognised as stale (and a live one refused).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { Rng } from '../../../src/demo/prng.js';
import { acquireShopLock, lockPath, processRuns } from '../../../src/db/shop-lock.js';
import { createStockService } from '../../../src/inventory/stock-service.js';
import { systemClock } from '../../../src/shared/clock.js';
import { AppError } from '../../../src/shared/app-error.js';
import { removeTempDirs, tempDir } from '../temp-shop.js';
import { buildConnector, connectionOf, secretsOf } from './soak-connectors.js';
import { startPlatform, type SoakPlatform } from './soak-platforms.js';
import { soakPuller } from './soak-puller.js';
import { endState, soakRule } from './soak-run.js';
import { connectChannel, createSoakShopFile, STORE, WAREHOUSE, type RemoteLink, type SoakVariant } from './soak-shop.js';
import { syncUntilDrained } from './sync-loop.js';

const CHANNEL = 9;
const VARIANTS = 60;
const ROWS_PER_PASS = 5;
const PAUSE_MS = 60;
const childScript = fileURLToPath(new URL('./sync-child.ts', import.meta.url));

interface Scenario {
  path: string;
  db: Db;
  platform: SoakPlatform;
  variants: SoakVariant[];
  links: RemoteLink[];
  /** Local stock changes and remote orders, in a fixed order from the seed. */
  act(round: number): void;
}

const open: { db: Db; platform: SoakPlatform }[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const { db, platform } of open.splice(0)) {
    db.close();
    await platform.stop();
  }
  removeTempDirs();
});

async function scenario(kind: SoakPlatform['kind'], seed: number): Promise<Scenario> {
  const path = join(tempDir(), 'shop.db');
  const variants = createSoakShopFile(path, VARIANTS, seed);
  // Shopify Plus limits: a standard bucket makes every order page wait about a second for its requested cost.
  const platform = await startPlatform(kind, { timeoutMs: 400, bucket: { maximumAvailable: 10_000, restoreRate: 1_000 } });
  const db = openDatabase(path);
  open.push({ db, platform });
  const rng = new Rng(seed);
  const links = platform.seed(variants, () => rng.int(0, 20));
  connectChannel(db, { id: CHANNEL, platform: kind, connection: connectionOf(platform.config), rule: soakRule, links, locationMap: platform.locationMap() });
  const stock = createStockService(db, systemClock);
  const act = (round: number) => {
    const events = new Rng(seed * 31 + round);
    for (let i = 0; i < 15; i += 1) {
      const variant = events.pick(variants);
      const locationId = events.chance(0.5) ? WAREHOUSE : STORE;
      const onHand = db.prepare<[number, number], { onHand: number }>('SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variant.id, locationId)?.onHand ?? 0;
      const delta = events.int(-Math.min(4, onHand), 5);
      if (delta !== 0) stock.adjust({ lines: [{ variantId: variant.id, locationId, delta, reasonCode: 'correction' }] }, 'kill-test');
    }
    // Orders only before any sync: then both runs see the same remote stock when they are placed.
    if (!soakPuller || round !== 1) return;
    for (let i = 0; i < 4; i += 1) {
      const link = events.pick(links);
      const sku = variants.find((v) => v.id === link.variantId)?.sku ?? '';
      if ((platform.remoteQuantity(link) ?? 0) > 0) platform.placeOrder([{ link, sku, quantity: 1 }]);
    }
  };
  return { path, db, platform, variants, links, act };
}

interface Snapshot {
  remote: Record<string, number | null>;
  levels: { variantId: number; locationId: number; onHand: number; committed: number }[];
  channelOrders: number;
}

function snapshot(s: Scenario): Snapshot {
  const remote: Record<string, number | null> = {};
  for (const link of s.links) remote[s.variants.find((v) => v.id === link.variantId)?.sku ?? ''] = s.platform.remoteQuantity(link);
  return {
    remote,
    levels: s.db
      .prepare<[], Snapshot['levels'][number]>('SELECT variant_id AS variantId, location_id AS locationId, on_hand AS onHand, committed FROM stock_levels ORDER BY 1, 2')
      .all(),
    channelOrders: s.db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_orders WHERE channel_id = ?').get(CHANNEL)?.n ?? 0,
  };
}

function startChild(s: Scenario): { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, '--db', s.path, '--config', JSON.stringify(s.platform.config), '--channel', String(CHANNEL), '--rows-per-pass', String(ROWS_PER_PASS), '--pause-ms', String(PAUSE_MS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => text, exited };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe.each(['shopify', 'woocommerce'] as const)('kill -9 of the sync (%s)', (kind) => {
  it('resumes after SIGKILL mid-write to the same end state as an uninterrupted sync, and the stale lock is taken over', async () => {
    const seed = kind === 'shopify' ? 914_001 : 914_002;

    // Reference: the same scenario synced without a kill, in this process.
    const reference = await scenario(kind, seed);
    const built = buildConnector(reference.platform.config);
    const loop = { db: reference.db, connector: built.connector, clock: systemClock, channelId: CHANNEL, secrets: secretsOf(reference.platform.config), rowsPerPass: ROWS_PER_PASS, makePuller: soakPuller, timeoutMs: 20_000 };
    reference.act(1);
    expect((await syncUntilDrained(loop)).drained).toBe(true);
    reference.act(2);
    expect((await syncUntilDrained(loop)).drained).toBe(true);
    const expected = snapshot(reference);

    const s = await scenario(kind, seed);
    s.act(1);
    const first = startChild(s);
    // Some writes done, then the next request is held past the client's timeout and the child dies meanwhile.
    await until(() => s.platform.stockWrites() >= 4 || first.child.exitCode !== null, 20_000, 'the child to make 4 stock writes');
    expect(first.child.exitCode).toBeNull();
    // A live holder's lock is respected.
    expect(() => acquireShopLock(s.path, 'test')).toThrow(AppError);
    const seen = s.platform.requests();
    s.platform.queueFault('delay', 600);
    await until(() => s.platform.requests() > seen, 10_000, 'the next request');
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(first.output()).not.toMatch(/^done/m);
    expect(queuedRows(s.db)).toBeGreaterThan(0);

    // The dead child's lock is still there, naming a process that no longer runs: stale.
    const holder = JSON.parse(readFileSync(lockPath(s.path), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(first.child.pid);
    expect(processRuns(holder.pid)).toBe(false);

    // The held request lands (the server finishes it although its client is gone) while the shop restarts.
    await new Promise((resolve) => setTimeout(resolve, 700));
    s.act(2);
    const second = startChild(s);
    const done = await second.exited;
    expect(done, second.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(lockPath(s.path))).toBe(false);

    const end = endState(s.db, s.platform, CHANNEL, s.variants, s.links, soakRule);
    expect(end.mismatches).toEqual([]);
    expect(end.missingOrders).toEqual([]);
    expect(end.duplicateOrders).toBe(0);
    expect(end.outbox).toBe(0);
    expect(end.ledgerMismatches).toBe(0);
    expect(snapshot(s)).toEqual(expected);
  });
});

function queuedRows(db: Db): number {
  return db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sync_outbox WHERE channel_id = ?').get(CHANNEL)?.n ?? 0;
}

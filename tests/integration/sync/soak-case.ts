// One soak run from scratch, shared by soak-shopify / soak-woocommerce tests and the bench: a temp
// shop file with linked variants, the platform's emulator seeded with the same SKUs (remote stock
// deliberately different from local), then runSoak. SHOPDESK_SOAK_SECONDS / SHOPDESK_SOAK_SEED
// override the test's bounded time and seed (a failure prints its seed: rerun with it).
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/open.js';
import { Rng } from '../../../src/demo/prng.js';
import { removeTempDirs, tempDir } from '../temp-shop.js';
import { connectionOf } from './soak-connectors.js';
import { startPlatform, type SoakPlatform } from './soak-platforms.js';
import { soakPuller } from './soak-puller.js';
import { printFigures, runSoak, soakRule, type SoakFigures } from './soak-run.js';
import { connectChannel, createSoakShopFile } from './soak-shop.js';

export const SOAK_CHANNEL = 7;

export interface SoakCaseOptions {
  seconds: number;
  seed: number;
  variants?: number;
  faultRate?: number;
}

export interface SoakCase {
  figures: SoakFigures;
  cleanup(): Promise<void>;
}

function envNumber(name: string): number | null {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The soak's length: SHOPDESK_SOAK_SECONDS, else the test's bounded default. */
export function soakSeconds(fallback: number): number {
  return envNumber('SHOPDESK_SOAK_SECONDS') ?? fallback;
}

/** Vitest timeout for a soak of `seconds`: the run, the drain and the set-up. */
export function soakTimeoutMs(seconds: number): number {
  return (seconds + 60) * 1000;
}

export async function soakCase(kind: SoakPlatform['kind'], options: SoakCaseOptions): Promise<SoakCase> {
  const seconds = soakSeconds(options.seconds);
  const seed = envNumber('SHOPDESK_SOAK_SEED') ?? options.seed;
  const path = join(tempDir(), 'soak.db');
  const variants = createSoakShopFile(path, options.variants ?? 24, seed);
  // Shopify Plus limits (10,000 points, 1,000/s): a standard bucket spends most of a short soak
  // waiting for the order pages' requested cost (the push bench measures the standard bucket).
  const platform = await startPlatform(kind, { timeoutMs: 250, bucket: { maximumAvailable: 10_000, restoreRate: 1_000 } });
  const db = openDatabase(path);
  const cleanup = async () => {
    db.close();
    await platform.stop();
    removeTempDirs();
  };
  try {
    const rng = new Rng(seed ^ 0x5eed);
    const links = platform.seed(variants, () => rng.int(0, 30));
    connectChannel(db, { id: SOAK_CHANNEL, platform: kind, connection: connectionOf(platform.config), rule: soakRule, links, locationMap: platform.locationMap() });
    const figures = await runSoak({
      db,
      platform,
      channelId: SOAK_CHANNEL,
      variants,
      links,
      seconds,
      seed,
      faultRate: options.faultRate ?? 0.2,
      delayMs: 400,
      makePuller: soakPuller,
    });
    printFigures(figures);
    return { figures, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

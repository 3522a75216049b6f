// The soak test both platforms run (soak-shopify / soak-woocommerce, one file each so vitest runs
// them in parallel): 20 % of requests meet a fault while local stock changes and remote orders
// arrive; after the drain every linked variant's remote quantity is its available-to-sell, no
// order is missing or doubled, the outbox is empty. Short in `npm test`; SHOPDESK_SOAK_SECONDS=300
// for a long run, SHOPDESK_SOAK_SEED to replay one.
import { afterEach, describe, expect, it } from 'vitest';
import type { SoakPlatform } from './soak-platforms.js';
import { soakCase, soakSeconds, soakTimeoutMs } from './soak-case.js';

const SOAK_SECONDS = 8;

export function describeSoak(kind: SoakPlatform['kind'], label: string, seed: number): void {
  const seconds = soakSeconds(SOAK_SECONDS);
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  describe(`soak: ${label} emulator with 20 % faults`, () => {
    it('ends with every remote quantity at its available-to-sell, every order once, the outbox empty', async () => {
      const run = await soakCase(kind, { seconds, seed });
      cleanup = run.cleanup;
      const { figures } = run;
      expect(figures.faultsInjected).toBeGreaterThan(0);
      expect(figures.end.mismatches).toEqual([]);
      expect(figures.end.missingOrders).toEqual([]);
      expect(figures.end.duplicateOrders).toBe(0);
      expect(figures.end.ordersWithoutLocal).toBe(0);
      expect(figures.end.cancelledStillOpen).toEqual([]);
      expect(figures.end.channelOrders).toBe(figures.end.remoteOrders);
      expect(figures.end.outbox).toBe(0);
      expect(figures.end.ledgerMismatches).toBe(0);
    }, soakTimeoutMs(seconds));
  });
}

// The small demo shop looks like a real one on the app's own pages (issue 16): stock that
// turns (sell-through, days of inventory), a tail of slow movers and some dead stock, a few
// stock-outs, purchase orders on their way, seasonality, every RFM segment, a handful of alerts.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerConsistent, expectReceiptsMatchOrders } from './demo-invariants.js';
import type { Core } from '../../src/core.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { measureRealism, type RealismFigures } from '../../src/demo/realism.js';
import { segmentCodes } from '../../src/analytics/segments.js';
import { fixedClock } from '../../src/shared/clock.js';
import { removeTempDirs, tempDir, testCore } from './temp-shop.js';

const NOW = new Date('2026-11-20T12:00:00Z'); // as the large bench shop
const AS_OF = '2026-11-19'; // the last full local day (New York)
let core: Core;
let db: Database.Database;
let figures: RealismFigures;

function num(sql: string, ...params: unknown[]): number {
  return Object.values(db.prepare(sql).get(...params) as Record<string, number>)[0] ?? Number.NaN;
}

beforeAll(async () => {
  const path = join(tempDir(), 'realism.db');
  await generateDemoShop({ path, size: 'small', seed: 20260101, locale: 'en', now: NOW });
  db = new Database(path, { readonly: true });
  core = testCore({ dbPath: path, clock: fixedClock(NOW.toISOString()), background: false });
  figures = await measureRealism(core, AS_OF);
}, 120_000);

afterAll(async () => {
  db?.close();
  await core?.close();
  removeTempDirs();
});

describe('the small demo shop looks like a real one', () => {
  it('turns its stock: 30-day sell-through 20–40 %, days of inventory 45–120', () => {
    expect(figures.sellThrough30).toBeGreaterThanOrEqual(0.2);
    expect(figures.sellThrough30).toBeLessThanOrEqual(0.4);
    expect(figures.daysOfInventory).toBeGreaterThanOrEqual(45);
    expect(figures.daysOfInventory).toBeLessThanOrEqual(120);
    expect(figures.medianCategoryDaysOfInventory).toBeGreaterThanOrEqual(45);
    expect(figures.medianCategoryDaysOfInventory).toBeLessThanOrEqual(120);
    // Not aged mostly old: less than a quarter of the units is over a year old, fresh stock is there.
    expect(figures.aging.over365).toBeLessThan(0.25);
    expect(figures.aging.d0_30).toBeGreaterThan(0.1);
  });

  it('has a tail of slow movers and 10–20 % dead stock', () => {
    expect(figures.deadStockShare).toBeGreaterThanOrEqual(0.1);
    expect(figures.deadStockShare).toBeLessThanOrEqual(0.2);
    expect(figures.slowMoversShare).toBeGreaterThan(figures.deadStockShare ?? 1);
  });

  it('has stock-outs in the last month, and sells most of what it lists', () => {
    expect(figures.stockOutVariants).toBeGreaterThan(0);
    expect(figures.stockOutRate).toBeLessThan(0.15);
  });

  it('has purchase orders on their way, received ones after the supplier’s lead time, mirrored as incoming', () => {
    expect(figures.openPurchaseOrders).toBeGreaterThanOrEqual(5);
    expect(figures.purchaseOrdersByStatus.received ?? 0).toBeGreaterThan(100);
    // Each receipt: its PO's lines, the ledger's receive movements, after the PO was sent (lead time ≥ 2 days).
    expect(num(`SELECT count(*) FROM receipts r JOIN purchase_orders po ON po.id = r.purchase_order_id
      WHERE r.received_at < datetime(po.sent_at, '+2 days') OR po.status <> 'received'`)).toBe(0);
    expectReceiptsMatchOrders(num);
    expect(num(`SELECT count(*) FROM purchase_orders WHERE sent_at > ?`, NOW.toISOString())).toBe(0);
  });

  it('keeps the ledger consistent with stock on hand, never negative', () => {
    expectLedgerConsistent(num);
  });

  it('shows the seasons in the monthly trend and fills every RFM segment', () => {
    expect(figures.seasonality).toBeGreaterThan(1.8);
    for (const code of segmentCodes) expect(figures.segments[code] ?? 0, code).toBeGreaterThan(0);
  });

  it('opens a readable handful of alerts, stock-outs among them', () => {
    expect(figures.alertsByRule.stockOut ?? 0).toBeGreaterThan(0);
    expect(figures.alertsOpen).toBeLessThan(200);
  });
});

// The ledger primitive every stock feature posts through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { createLedger, type Movement } from '../../src/inventory/ledger.js';
import { AppError } from '../../src/shared/app-error.js';
import { seedCatalog } from './catalog-fixture.js';
import { ok, removeTempDirs, testCore } from './temp-shop.js';

let core: Core;
let db: Db;
let hoodie: number;
let warehouse: number;

beforeAll(async () => {
  core = testCore();
  await ok(core, 'shop.createEmpty', { name: 'Ledger shop', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  seedCatalog(core.dbPath);
  db = openDatabase(core.dbPath);
  hoodie = db.prepare("SELECT id FROM variants WHERE sku = 'HOD-001-BLK-M'").pluck().get() as number;
  warehouse = db.prepare("SELECT id FROM locations WHERE code = 'WH-1'").pluck().get() as number;
});

afterAll(async () => {
  db.close();
  await core.close();
  removeTempDirs();
});

const at = '2026-11-20T10:00:00.000Z';
const move = (delta: number, reason: Movement['reason'] = 'adjustment'): Movement => ({
  variantId: hoodie,
  locationId: warehouse,
  delta,
  reason,
  reasonCode: 'correction',
  actor: 'test',
  occurredAt: at,
});
const onHand = () => db.prepare('SELECT on_hand FROM stock_levels WHERE variant_id = ? AND location_id = ?').pluck().get(hoodie, warehouse);
const ledgerSum = () =>
  db.prepare('SELECT SUM(delta) FROM stock_movements WHERE variant_id = ? AND location_id = ?').pluck().get(hoodie, warehouse);

describe('ledger.post', () => {
  it('appends movements and moves the level and the variant total by the same amount', () => {
    const ledger = createLedger(db);
    db.transaction(() => ledger.post([move(5), move(-3)]))();
    expect(onHand()).toBe(14); // 12 in the fixture + 5 − 3
    expect(ledgerSum()).toBe(14);
    expect(db.prepare('SELECT on_hand_total FROM variants WHERE id = ?').pluck().get(hoodie)).toBe(14);
  });

  it('refuses to take more than is on hand, and the whole batch rolls back', () => {
    const ledger = createLedger(db);
    let caught: unknown;
    try {
      db.transaction(() => ledger.post([move(2), move(-100)]))();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).details).toMatchObject({
      key: 'insufficientStock',
      params: { sku: 'HOD-001-BLK-M', location: 'Main warehouse', onHand: 16, wanted: 100 },
    });
    expect(onHand()).toBe(14);
    expect(ledgerSum()).toBe(14);
  });

  it('must run inside a transaction, and keeps the ledger append-only', () => {
    expect(() => createLedger(db).post([move(1)])).toThrow(/inside a transaction/);
    expect(() => db.prepare('DELETE FROM stock_movements').run()).toThrow(/append-only/);
  });
});

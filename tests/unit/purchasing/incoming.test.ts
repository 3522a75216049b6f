// "Incoming" maintenance on a migrated database: rows created when missing, never below zero.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import type { Db } from '../../../src/db/open.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { createIncoming } from '../../../src/purchasing/incoming.js';
import { removeTempDirs, tempDir } from '../../integration/temp-shop.js';

const at = '2026-11-20T10:00:00.000Z';
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  removeTempDirs();
});

/** One variant (id 1), two locations (1 with a level row holding 5 on hand, 2 with none). */
function shopDb(): Db {
  const opened = openShopDatabase({ path: join(tempDir(), 'shop.db'), migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(at) }).db;
  opened.exec(`
    INSERT INTO products (id, handle, title, status, created_at, updated_at) VALUES (1, 'tea', 'Tea', 'active', '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, status, position, created_at, updated_at) VALUES (1, 1, 'TEA', 100, 'active', 1, '${at}', '${at}');
    INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', '${at}'), (2, 'ST', 'Store', 'store', '${at}');
    INSERT INTO stock_levels (variant_id, location_id, on_hand, incoming, updated_at) VALUES (1, 1, 0, 0, '${at}');
  `);
  return opened;
}

const levels = (d: Db) => d.prepare('SELECT location_id AS locationId, on_hand AS onHand, incoming FROM stock_levels ORDER BY location_id').all();

describe('incoming quantities', () => {
  it('adds to an existing row and creates a missing one', () => {
    db = shopDb();
    const incoming = createIncoming(db);
    db.transaction(() => incoming.apply([{ variantId: 1, locationId: 1, delta: 12 }, { variantId: 1, locationId: 2, delta: 4 }], at))();
    expect(levels(db)).toEqual([{ locationId: 1, onHand: 0, incoming: 12 }, { locationId: 2, onHand: 0, incoming: 4 }]);
  });

  it('takes away without going below zero, and never creates a row just to take from it', () => {
    db = shopDb();
    const incoming = createIncoming(db);
    const d = db;
    d.transaction(() => incoming.apply([{ variantId: 1, locationId: 1, delta: 10 }], at))();
    d.transaction(() => incoming.apply([{ variantId: 1, locationId: 1, delta: -4 }], at))();
    expect(levels(d)).toEqual([{ locationId: 1, onHand: 0, incoming: 6 }]);
    // An over-receipt removes more than is expected: stops at 0.
    d.transaction(() => incoming.apply([{ variantId: 1, locationId: 1, delta: -9 }, { variantId: 1, locationId: 2, delta: -3 }], at))();
    expect(levels(d)).toEqual([{ locationId: 1, onHand: 0, incoming: 0 }]);
  });

  it('refuses to run outside a transaction', () => {
    db = shopDb();
    const incoming = createIncoming(db);
    expect(() => incoming.apply([{ variantId: 1, locationId: 1, delta: 1 }], at)).toThrow(/inside a transaction/);
  });
});

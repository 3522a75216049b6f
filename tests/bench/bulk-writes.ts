// Writes on the large demo shop, each beside a bare SQL baseline doing the same
// writes on a plain better-sqlite3 connection in one transaction:
//  - a bulk price change (+10 %, rounded to .99) over every variant, through the
//    core (contract, router, change set with before-values) vs. a prepared UPDATE
//    plus one change_set_items row per variant;
//  - 10,000 ledger movements through the core's stock adjustment vs. prepared
//    INSERTs into the ledger plus level upserts.
// Works on a copy of the bench database so the reused file stays as generated.
import { copyFileSync, rmSync } from 'node:fs';
import { backupsSettled } from '../../src/backup/backup-service.js';
import { createCore, type Core } from '../../src/core.js';
import { applyPriceChange } from '../../src/catalog/price-rounding.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { ms, printTable, ratio, timeOnce } from './measure.js';

export interface WriteFigures {
  bulkPrice: { core: number; bare: number; variants: number };
  ledger: { core: number; bare: number; movements: number };
}

const priceChange = { mode: 'percent', value: 10, rounding: '.99' } as const;
const runs = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function bareBulkPrice(db: Db, at: string): number {
  const rows = db.prepare('SELECT id, price FROM variants ORDER BY id').all() as { id: number; price: number }[];
  const changeSet = db.prepare("INSERT INTO change_sets (kind, summary, actor, created_at) VALUES ('price_change', 'bench', 'bench', ?)");
  const item = db.prepare(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     VALUES (?, 'variants', ?, 'price', ?, ?)`,
  );
  const update = db.prepare('UPDATE variants SET price = ?, updated_at = ? WHERE id = ?');
  let changed = 0;
  db.transaction(() => {
    const setId = Number(changeSet.run(at).lastInsertRowid);
    for (const row of rows) {
      const price = applyPriceChange(row.price, priceChange);
      if (price === row.price) continue;
      item.run(setId, row.id, String(row.price), String(price));
      update.run(price, at, row.id);
      changed += 1;
    }
  })();
  return changed;
}

interface Pair {
  variantId: number;
  locationId: number;
}

/** Distinct variant × location pairs with stock for every run (each run takes one unit twice), spread over the shop. */
function stockedPairs(db: Db, count: number): Pair[] {
  return db
    .prepare(
      `SELECT variant_id AS variantId, location_id AS locationId FROM stock_levels
       WHERE on_hand >= ${2 * runs} ORDER BY (variant_id * 7919 + location_id) % 100003 LIMIT ?`,
    )
    .all(count) as Pair[];
}

function bareLedger(db: Db, pairs: Pair[], at: string): void {
  const insert = db.prepare(
    `INSERT INTO stock_movements (variant_id, location_id, delta, reason, reason_code, note, ref_type, actor, occurred_at)
     VALUES (?, ?, -1, 'adjustment', 'correction', 'bench', 'adjustment', 'bench', ?)`,
  );
  const level = db.prepare('UPDATE stock_levels SET on_hand = on_hand - 1, updated_at = ? WHERE variant_id = ? AND location_id = ?');
  db.transaction(() => {
    for (const p of pairs) {
      insert.run(p.variantId, p.locationId, at);
      level.run(at, p.variantId, p.locationId);
    }
  })();
}

async function coreLedger(core: Core, pairs: Pair[]): Promise<void> {
  const answer = await core.call('stock.adjust', {
    lines: pairs.map((p) => ({ ...p, delta: -1, reasonCode: 'correction', note: 'bench' })),
  });
  if (!answer.ok) throw new Error(answer.error.message);
}

export async function benchBulkWrites(sourcePath: string, workPath: string): Promise<WriteFigures> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workPath}${suffix}`, { force: true });
  copyFileSync(sourcePath, workPath);
  const core = createCore({ dbPath: workPath, appVersion: 'bench', background: false });
  await core.call('shop.status', {});
  const db = openDatabase(workPath);
  const variants = (db.prepare('SELECT COUNT(*) AS n FROM variants').get() as { n: number }).n;
  const at = new Date().toISOString();

  const price = { core: [] as number[], bare: [] as number[] };
  const ledger = { core: [] as number[], bare: [] as number[] };
  const pairs = stockedPairs(db, 10_000);
  // Alternate the two sides so page-cache warmth and file growth favour neither.
  for (let i = 0; i < runs; i += 1) {
    price.core.push(
      await timeOnce(async () => {
        const answer = await core.call('variants.bulkAction', {
          target: { filter: { filters: {}, quickSearch: '' } },
          action: { kind: 'priceChange', field: 'price', ...priceChange },
        });
        if (!answer.ok) throw new Error(answer.error.message);
      }),
    );
    // The edit answered once its backup's snapshot was held; the copy and its check go on in the
    // background. Let them finish before the next step, so no step is timed against a 900 MB copy.
    await backupsSettled(workPath);
    price.bare.push(await timeOnce(() => bareBulkPrice(db, at)));
    ledger.core.push(await timeOnce(() => coreLedger(core, pairs)));
    ledger.bare.push(await timeOnce(() => bareLedger(db, pairs, at)));
  }
  db.close();
  await core.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workPath}${suffix}`, { force: true });

  const figures: WriteFigures = {
    bulkPrice: { core: median(price.core), bare: median(price.bare), variants },
    ledger: { core: median(ledger.core), bare: median(ledger.bare), movements: pairs.length },
  };
  printTable(`Bulk writes on the large shop (median of ${runs})`, ['write', 'core.call', 'bare SQL', 'ratio'], [
    [
      `price +10% .99 on ${variants} variants (one change set)`,
      ms(figures.bulkPrice.core),
      ms(figures.bulkPrice.bare),
      ratio(figures.bulkPrice.core, figures.bulkPrice.bare),
    ],
    [
      `${figures.ledger.movements} ledger movements (one stock.adjust)`,
      ms(figures.ledger.core),
      ms(figures.ledger.bare),
      ratio(figures.ledger.core, figures.ledger.bare),
    ],
  ]);
  return figures;
}

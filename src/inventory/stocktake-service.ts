// Stocktake writes. Counting records, per line, the on-hand level at the
// moment of the count; posting adjusts by counted − that level, so sales and
// receipts during a long count are never mistaken for variances.
import type { z } from 'zod';
import { nextDocumentNumber } from '../db/document-numbers.js';
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { createLedger } from './ledger.js';
import { createStockChecks, throwIfIssues } from './stock-checks.js';
import type { Stocktake, StocktakePostPreview, stocktakeContract } from './stocktake-contract.js';
import { createStocktakeStore } from './stocktake-store.js';

type In<M extends keyof typeof stocktakeContract> = z.output<(typeof stocktakeContract)[M]['input']>;
export interface CountLine {
  variantId: number;
  counted: number;
  mode: 'set' | 'add';
}

export function createStocktakeService(db: Db, clock: Clock) {
  const store = createStocktakeStore(db);
  const ledger = createLedger(db);
  const checks = createStockChecks(db);
  const level = db.prepare<[number, number], { onHand: number }>(
    'SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  const lineOf = db.prepare<[number, number], { counted: number | null }>(
    'SELECT counted FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?',
  );
  // Each count re-anchors the line to the level at that moment: the number a person
  // enters (or the running total of scans) is what is on the shelf now.
  const writeCount = db.prepare<{ id: number; variantId: number; counted: number; level: number; at: string }>(
    `INSERT INTO stocktake_lines (stocktake_id, variant_id, on_hand_at_open, counted, on_hand_at_count, counted_at, unit_cost)
     VALUES (@id, @variantId, @level, @counted, @level, @at, (SELECT cost FROM variants WHERE id = @variantId))
     ON CONFLICT (stocktake_id, variant_id) DO UPDATE SET counted = excluded.counted, on_hand_at_count = excluded.on_hand_at_count,
       counted_at = excluded.counted_at, unit_cost = excluded.unit_cost`,
  );

  const header = (id: number): Stocktake => {
    const found = store.header(id);
    if (!found) throw notFound('Stocktake', id);
    return found;
  };
  const counting = (id: number, action: string): Stocktake => {
    const found = header(id);
    if (found.status !== 'counting') {
      throw new AppError('CONFLICT', `Stocktake ${found.number} is ${found.status}; it cannot be ${action}. Nothing was changed.`, {
        key: 'stocktakeState',
        params: { number: found.number, status: found.status, action },
      });
    }
    return found;
  };

  const open = db.transaction((input: In<'stocktakes.open'>, actor: string) => {
    const issues: FieldIssue[] = [];
    const location = checks.shelfLocation(input.locationId, 'locationId', issues);
    if (input.scope.kind === 'category' && !db.prepare('SELECT 1 FROM categories WHERE id = ?').get(input.scope.categoryId)) {
      issues.push({ path: 'scope.categoryId', key: 'categoryNotFound', message: 'scope.categoryId: category not found' });
    }
    throwIfIssues(issues, 'The stocktake');
    const busy = db.prepare<[number], { number: string }>("SELECT number FROM stocktakes WHERE location_id = ? AND status = 'counting'").get(input.locationId);
    if (busy) {
      throw new AppError('CONFLICT', `${location?.name ?? 'This location'} is already being counted in ${busy.number}; finish or cancel it first.`, {
        key: 'stocktakeOpen',
        params: { number: busy.number, location: location?.name ?? '' },
      });
    }
    const at = clock.now().toISOString();
    const scope = input.scope;
    const id = Number(
      db
        .prepare(
          `INSERT INTO stocktakes (number, location_id, scope, scope_category_id, scope_bin, status, note, actor, opened_at)
           VALUES (?, ?, ?, ?, ?, 'counting', ?, ?, ?)`,
        )
        .run(
          nextDocumentNumber(db, 'ST'),
          input.locationId,
          scope.kind,
          scope.kind === 'category' ? scope.categoryId : null,
          scope.kind === 'bin' ? scope.bin : null,
          input.note,
          actor,
          at,
        ).lastInsertRowid,
    );
    const insertLines = `INSERT INTO stocktake_lines (stocktake_id, variant_id, on_hand_at_open, unit_cost)`;
    if (scope.kind === 'all') {
      db.prepare(`${insertLines} SELECT ?, sl.variant_id, sl.on_hand, v.cost FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id
        WHERE sl.location_id = ? AND (sl.on_hand <> 0 OR v.status <> 'archived')`).run(id, input.locationId);
    } else if (scope.kind === 'bin') {
      db.prepare(`${insertLines} SELECT ?, sl.variant_id, sl.on_hand, v.cost FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id
        WHERE sl.location_id = ? AND sl.bin = ?`).run(id, input.locationId, scope.bin);
    } else {
      // The category and its sub-categories; active variants are counted even with no stock recorded here yet.
      db.prepare(`${insertLines} SELECT ?, v.id, COALESCE(sl.on_hand, 0), v.cost FROM variants v JOIN products p ON p.id = v.product_id
        LEFT JOIN stock_levels sl ON sl.variant_id = v.id AND sl.location_id = ?
        WHERE p.category_id IN (SELECT c.id FROM categories c, categories root WHERE root.id = ?
          AND (c.id = root.id OR substr(c.path, 1, length(root.path) + 3) = root.path || ' > '))
          AND (COALESCE(sl.on_hand, 0) <> 0 OR v.status <> 'archived')`).run(id, input.locationId, scope.categoryId);
    }
    return id;
  });

  /** Applies counts; variants outside a partial count's scope are refused, a full count takes them in. */
  const applyCounts = (stocktake: Stocktake, lines: readonly CountLine[], pathOf: (i: number) => string): number => {
    const issues: FieldIssue[] = [];
    lines.forEach((line, i) => {
      if (!checks.knownVariant(line.variantId, `${pathOf(i)}.variantId`, issues)) return;
      if (stocktake.scope !== 'all' && !lineOf.get(stocktake.id, line.variantId)) {
        issues.push({
          path: `${pathOf(i)}.variantId`,
          key: 'notInStocktake',
          message: `${pathOf(i)}.variantId: this item is not part of ${stocktake.number} (${stocktake.scopeLabel ?? stocktake.scope})`,
        });
      }
    });
    throwIfIssues(issues, 'The count', (i) => checks.variant(lines[i]?.variantId ?? 0)?.sku);
    const at = clock.now().toISOString();
    for (const line of lines) {
      const before = lineOf.get(stocktake.id, line.variantId)?.counted ?? null;
      const counted = line.mode === 'add' ? (before ?? 0) + line.counted : line.counted;
      writeCount.run({ id: stocktake.id, variantId: line.variantId, counted, level: level.get(line.variantId, stocktake.locationId)?.onHand ?? 0, at });
    }
    return lines.length;
  };

  const count = db.transaction((stocktakeId: number, lines: readonly CountLine[], pathOf: (i: number) => string) =>
    applyCounts(counting(stocktakeId, 'counted'), lines, pathOf),
  );

  const scan = db.transaction((input: In<'stocktakes.scan'>) => {
    const stocktake = counting(input.stocktakeId, 'counted');
    // A scanner types the barcode; people type SKUs. Barcode first, then SKU, both exact.
    const found =
      db.prepare<[string], { id: number }>('SELECT id FROM variants WHERE barcode = ? ORDER BY id LIMIT 1').get(input.code) ??
      db.prepare<[string], { id: number }>('SELECT id FROM variants WHERE sku = ?').get(input.code);
    if (!found) {
      throw new AppError('NOT_FOUND', `No product has the barcode or SKU "${input.code}". Nothing was counted.`, {
        key: 'unknownScanCode',
        params: { code: input.code },
        issues: [{ path: 'code', key: 'unknownScanCode', message: `code: "${input.code}" matches no barcode or SKU` }],
      });
    }
    applyCounts(stocktake, [{ variantId: found.id, counted: input.quantity, mode: 'add' }], () => 'code');
    return found.id;
  });

  const post = db.transaction((input: In<'stocktakes.post'>, actor: string) => {
    const stocktake = counting(input.stocktakeId, 'posted');
    const at = clock.now().toISOString();
    if (input.uncounted === 'zero') {
      // Uncounted lines count as none on the shelf, measured against the level now.
      db.prepare(
        `UPDATE stocktake_lines SET counted = 0, counted_at = @at, on_hand_at_count =
           COALESCE((SELECT on_hand FROM stock_levels WHERE variant_id = stocktake_lines.variant_id AND location_id = @location), 0)
         WHERE stocktake_id = @id AND counted IS NULL`,
      ).run({ at, location: stocktake.locationId, id: stocktake.id });
    }
    const variances = db
      .prepare<[number], { variantId: number; delta: number; unitCost: number | null }>(
        `SELECT variant_id AS variantId, counted - on_hand_at_count AS delta, unit_cost AS unitCost FROM stocktake_lines
         WHERE stocktake_id = ? AND counted IS NOT NULL AND counted <> on_hand_at_count ORDER BY variant_id`,
      )
      .all(stocktake.id);
    // Negative levels are allowed here: if stock left after the count (a sale of units the
    // count did not find), the ledger must show the shortfall rather than refuse the count.
    ledger.post(
      variances.map((v) => ({
        variantId: v.variantId,
        locationId: stocktake.locationId,
        delta: v.delta,
        reason: 'stocktake' as const,
        refType: 'stocktake',
        refId: stocktake.number,
        unitCost: v.unitCost,
        actor,
        occurredAt: at,
      })),
      { forbidNegative: false },
    );
    db.prepare("UPDATE stocktakes SET status = 'posted', posted_at = ? WHERE id = ?").run(at, stocktake.id);
    return {
      movements: variances.length,
      unitsAdjusted: variances.reduce((sum, v) => sum + Math.abs(v.delta), 0),
      valueAdjusted: variances.reduce((sum, v) => sum + v.delta * (v.unitCost ?? 0), 0),
    };
  });

  const cancel = db.transaction((stocktakeId: number) => {
    counting(stocktakeId, 'cancelled');
    db.prepare("UPDATE stocktakes SET status = 'cancelled', cancelled_at = ? WHERE id = ?").run(clock.now().toISOString(), stocktakeId);
  });

  /** What posting with this choice for uncounted lines would do; only a stocktake still counting can be posted. */
  const previewPost = (input: In<'stocktakes.previewPost'>): StocktakePostPreview => {
    const stocktake = counting(input.stocktakeId, 'posted');
    const totals = store.postPreview(stocktake.id, input.uncounted === 'zero');
    if (!totals) throw notFound('Stocktake', input.stocktakeId);
    return { stocktake, uncounted: input.uncounted, ...totals };
  };

  return {
    store,
    header,
    previewPost,
    open: (input: In<'stocktakes.open'>, actor: string) => header(open(input, actor)),
    count: (stocktakeId: number, lines: readonly CountLine[], pathOf: (i: number) => string = (i) => `lines.${i}`) => {
      const counted = count(stocktakeId, lines, pathOf);
      return { stocktake: header(stocktakeId), counted };
    },
    scan(input: In<'stocktakes.scan'>) {
      const variantId = scan(input);
      const line = store.line(input.stocktakeId, variantId);
      if (!line) throw notFound('Stocktake line', variantId);
      return { line, stocktake: header(input.stocktakeId) };
    },
    post(input: In<'stocktakes.post'>, actor: string) {
      const result = post(input, actor);
      return { stocktake: header(input.stocktakeId), ...result };
    },
    cancel(stocktakeId: number) {
      cancel(stocktakeId);
      return header(stocktakeId);
    },
  };
}

export type StocktakeService = ReturnType<typeof createStocktakeService>;

// Products grid on the large demo shop: each page through the core (validation,
// router, count) beside the bare SQL query for the very same page.
import { variantGridColumns, type VariantListInput } from '../../src/catalog/contract.js';
import { buildVariantPageSql } from '../../src/catalog/store.js';
import { createCore, type Core } from '../../src/core.js';
import { openDatabase as openDb, type Db } from '../../src/db/open.js';
import { median, ms, printTable, ratio, timeOnce } from './measure.js';

export interface GridFigures {
  firstRowsCold: { core: number; bare: number };
  worstResort: { column: string; core: number; bare: number };
  worstRatio: { column: string; value: number };
}

function page(sort: VariantListInput['sort']): VariantListInput {
  return { offset: 0, limit: 100, sort, filters: {}, quickSearch: '', incompleteOnly: false };
}

function bare(db: Db, input: VariantListInput, withCount = false): number {
  const sql = buildVariantPageSql(input);
  const rows = db.prepare(sql.rowsSql).all(...sql.rowsParams).length;
  // A first page needs the total too (the grid sizes its scrollbar from it).
  if (withCount) db.prepare(sql.countSql).get(...sql.countParams);
  return rows;
}

async function viaCore(core: Core, input: VariantListInput): Promise<void> {
  const answer = await core.call('products.list', input);
  if (!answer.ok) throw new Error(answer.error.message);
}

export async function benchProductsGrid(core: Core, db: Db): Promise<GridFigures> {
  // Cold: the first page after opening the shop (as the app does: shop.status first),
  // each side on a fresh connection preparing its statements and counting the total;
  // median over 5 openings. Warm: the page again (the core has the total cached).
  const first = page([]);
  const colds: { core: number; bare: number }[] = [];
  for (let i = 0; i < 5; i += 1) {
    const fresh = openDb(core.dbPath, { readonly: true });
    const bareMs = await timeOnce(() => bare(fresh, first, true));
    fresh.close();
    // The bench's own core holds the file's lock; this second one only reads, to time a cold opening.
    const freshCore = createCore({ dbPath: core.dbPath, appVersion: 'bench', background: false, lockFile: false });
    await freshCore.call('shop.status', {});
    const coreMs = await timeOnce(() => viaCore(freshCore, first));
    await freshCore.close();
    colds.push({ core: coreMs, bare: bareMs });
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const firstCore = mid(colds.map((c) => c.core));
  const firstBare = mid(colds.map((c) => c.bare));
  const warmCore = await median(() => viaCore(core, first), 5);
  const warmBare = await median(() => bare(db, first), 5);
  const rows: string[][] = [
    ['first rows, cold (rows + total)', ms(firstCore), ms(firstBare), ratio(firstCore, firstBare)],
    ['first rows, warm', ms(warmCore), ms(warmBare), ratio(warmCore, warmBare)],
  ];

  let worstResort = { column: '', core: 0, bare: 0 };
  let worstRatio = { column: '', value: 0 };
  for (const column of variantGridColumns) {
    for (const direction of ['asc', 'desc'] as const) {
      const input = page([{ column, direction }]);
      const coreMs = await median(() => viaCore(core, input), 5);
      const bareMs = await median(() => bare(db, input), 5);
      const label = `sort ${column} ${direction}`;
      rows.push([label, ms(coreMs), ms(bareMs), ratio(coreMs, bareMs)]);
      if (coreMs > worstResort.core) worstResort = { column: label, core: coreMs, bare: bareMs };
      if (coreMs / bareMs > worstRatio.value) worstRatio = { column: label, value: coreMs / bareMs };
    }
  }
  printTable('Products grid, 100-row pages (median of 5)', ['page', 'core.call', 'bare SQL', 'ratio'], rows);
  return { firstRowsCold: { core: firstCore, bare: firstBare }, worstResort, worstRatio };
}

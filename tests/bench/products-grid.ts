// Products grid on the large demo shop: each page through the core (validation,
// router, count) beside the bare SQL query for the very same page.
import { variantGridColumns, type VariantListInput } from '../../src/catalog/contract.js';
import { buildVariantPageSql } from '../../src/catalog/store.js';
import type { Core } from '../../src/core.js';
import type { Db } from '../../src/db/open.js';
import { median, ms, printTable, ratio, timeOnce } from './measure.js';

export interface GridFigures {
  firstRowsCold: { core: number; bare: number };
  worstResort: { column: string; core: number; bare: number };
  worstRatio: { column: string; value: number };
}

function page(sort: VariantListInput['sort']): VariantListInput {
  return { offset: 0, limit: 100, sort, filters: {}, quickSearch: '' };
}

function bare(db: Db, input: VariantListInput): number {
  const sql = buildVariantPageSql(input);
  return db.prepare(sql.rowsSql).all(...sql.rowsParams).length;
}

async function viaCore(core: Core, input: VariantListInput): Promise<void> {
  const answer = await core.call('products.list', input);
  if (!answer.ok) throw new Error(answer.error.message);
}

export async function benchProductsGrid(core: Core, db: Db): Promise<GridFigures> {
  const first = page([]);
  const firstBare = await timeOnce(() => bare(db, first));
  const firstCore = await timeOnce(() => viaCore(core, first));
  const rows: string[][] = [['first rows (cold)', ms(firstCore), ms(firstBare), ratio(firstCore, firstBare)]];

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
      // Sub-millisecond index walks make ratios noise; judge ratios where the query does real work.
      if (bareMs >= 1 && coreMs / bareMs > worstRatio.value) worstRatio = { column: label, value: coreMs / bareMs };
    }
  }
  printTable('Products grid, 100-row pages (median of 5)', ['page', 'core.call', 'bare SQL', 'ratio'], rows);
  return { firstRowsCold: { core: firstCore, bare: firstBare }, worstResort, worstRatio };
}

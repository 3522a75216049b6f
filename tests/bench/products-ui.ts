// The Products page as a person sees it: serve mode in Chromium on the large
// demo shop, from clicking "Products" to the first rows painted, and from
// clicking a column header to the re-sorted first rows.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { variantGridColumns } from '../../src/catalog/contract.js';
import type { Core } from '../../src/core.js';
import { startServer } from '../../src/server/http-server.js';
import { chromiumLaunchOptions } from '../chromium-options.js';
import { ms, printTable } from './measure.js';

export interface UiFigures {
  firstRowsMs: number;
  worstResortMs: number;
  worstResortColumn: string;
}

const token = 'bench-token-0123456789abcdef';
const firstSku = '[data-testid="products-grid"] .ag-row[row-index="0"] .ag-cell[col-id="sku"]';

async function untilFirstRow(page: Page, previous: string | null): Promise<void> {
  await page.waitForFunction(
    ({ selector, before }) => {
      const text = document.querySelector(selector)?.textContent?.trim() ?? '';
      return text !== '' && text !== before;
    },
    { selector: firstSku, before: previous },
    { polling: 'raf' },
  );
}

async function resort(page: Page, column: string): Promise<number> {
  const before = (await page.locator(firstSku).textContent())?.trim() ?? null;
  const answered = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postData() ?? '').includes(`"column":"${column}"`));
  const start = performance.now();
  await page.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click();
  await answered;
  // Rows re-render after the answer; if the first SKU is unchanged by the new order, the answer is enough.
  await untilFirstRow(page, before).catch(() => undefined);
  return performance.now() - start;
}

export async function benchProductsUi(core: Core): Promise<UiFigures> {
  const server = await startServer({ core, rendererDir: resolve(join('out', 'renderer')), token, port: 0 });
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/?token=${token}`);
    await page.goto(`${server.url}/#/settings`);
    await page.getByTestId('settings-form').waitFor();

    const start = performance.now();
    await page.getByTestId('nav-products').click();
    await untilFirstRow(page, null);
    const firstRowsMs = performance.now() - start;

    const rows: string[][] = [['navigation to first rows', ms(firstRowsMs)]];
    let worst = { column: '', time: 0 };
    // Updated is last so the other clicks replace one another's sort; each click sorts ascending.
    for (const column of variantGridColumns) {
      const time = await resort(page, column);
      rows.push([`re-sort by ${column}`, ms(time)]);
      if (time > worst.time) worst = { column, time };
    }
    printTable('Products page in Chromium (serve mode, large demo shop)', ['action', 'time'], rows);
    return { firstRowsMs, worstResortMs: worst.time, worstResortColumn: worst.column };
  } finally {
    await browser.close();
    await server.close();
  }
}

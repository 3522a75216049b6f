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

/**
 * Runs inside the page: resolves with the time from the next click event to the
 * frame after the first rows changed, so Playwright's own round trips are not
 * counted. A string, because tsx's name-keeping helpers do not exist in the page.
 */
const timeNextClickToRowsChange = `new Promise((resolve, reject) => {
  const firstRows = () => [...document.querySelectorAll(${JSON.stringify('[data-testid="products-grid"] .ag-row[row-index] .ag-cell[col-id="sku"]')})]
    .slice(0, 3).map((cell) => cell.textContent ?? '').join('|');
  const before = firstRows();
  let clickedAt = null;
  document.addEventListener('click', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
  const check = () => {
    if (clickedAt !== null && performance.now() - clickedAt > 5000) reject(new Error('rows did not change'));
    else if (clickedAt !== null && firstRows() !== before && firstRows() !== '') {
      const at = clickedAt;
      requestAnimationFrame(() => resolve(performance.now() - at));
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function resort(page: Page, column: string): Promise<number> {
  const elapsed = page.evaluate<number>(timeNextClickToRowsChange);
  await page.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click();
  return elapsed;
}

export async function benchProductsUi(core: Core): Promise<UiFigures> {
  const server = await startServer({ core, rendererDir: resolve(join('out', 'renderer')), token, port: 0 });
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/?token=${token}`);
    // Every column shown (the column chooser hides a few by default), so each can be re-sorted and timed.
    await page.evaluate(() => localStorage.setItem('shopdesk.columns.products', '[]'));
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

// The demo shop opens with its badge; the Products grid pages, sorts and
// filters in the core.
import { expect, test } from '@playwright/test';
import { columnValues, gridRows, openApp, parseMoney, readTotal, screenshot, waitForTotalChange } from './helpers.js';

const cspViolations: string[] = [];

test.beforeEach(async ({ page }) => {
  cspViolations.length = 0;
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await openApp(page, '/#/products');
  await expect(gridRows(page).first()).toBeVisible();
});

test('opens on the demo shop with the Demo badge and demo rows', async ({ page }) => {
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo shop');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const total = await readTotal(page);
  expect(total).toBeGreaterThan(100);
  await expect(page.getByTestId('products-total')).toHaveText(/variants$/);
  expect(await gridRows(page).count()).toBeGreaterThan(10);
  const skus = await columnValues(page, 'sku', 5);
  for (const sku of skus) expect(sku).not.toBe('');
  await screenshot(page, 'products-en');
  // AG Grid's Theming API injects <style> tags: allowed by style-src 'unsafe-inline', nothing else is needed.
  expect(cspViolations).toEqual([]);
});

test('sorts by price ascending, then descending', async ({ page }) => {
  const grid = page.getByTestId('products-grid');
  const headerCell = grid.locator('.ag-header-cell:not(.ag-floating-filter)[col-id="price"]');
  const prices = async (): Promise<number[]> => (await columnValues(page, 'price', 20)).map(parseMoney);
  const sortedBy = (direction: 'asc' | 'desc') => async (): Promise<boolean> => {
    const values = await prices();
    return values.every((value, i) => i === 0 || (direction === 'asc' ? value >= (values[i - 1] ?? 0) : value <= (values[i - 1] ?? 0)));
  };
  const sortRequest = (direction: string) =>
    page.waitForResponse(
      (response) =>
        response.url().endsWith('/rpc') &&
        (response.request().postData() ?? '').includes(`"sort":[{"column":"price","direction":"${direction}"}]`),
    );

  let answered = sortRequest('asc');
  await headerCell.locator('.ag-header-cell-label').click();
  await answered;
  await expect(headerCell).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(sortedBy('asc')).toBe(true);
  const ascending = await prices();

  answered = sortRequest('desc');
  await headerCell.locator('.ag-header-cell-label').click();
  await answered;
  await expect(headerCell).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(sortedBy('desc')).toBe(true);
  const descending = await prices();
  // The most expensive variant comes first, ahead of everything the ascending page showed.
  expect(descending[0]).toBeGreaterThan(ascending[ascending.length - 1] ?? 0);
});

test('quick search and the SKU text filter narrow the total', async ({ page }) => {
  const total = await readTotal(page);
  const sku = (await columnValues(page, 'sku', 1))[0] ?? '';
  expect(sku).not.toBe('');

  await page.getByTestId('products-search').fill(sku);
  const searched = await waitForTotalChange(page, total);
  expect(searched).toBeGreaterThanOrEqual(1);
  expect(searched).toBeLessThan(total);
  expect((await columnValues(page, 'sku', 1))[0]).toContain(sku);
  await page.getByTestId('products-search').fill('');
  await expect.poll(() => readTotal(page)).toBe(total);

  // Floating text filter under the SKU header ("contains").
  const prefix = sku.slice(0, Math.max(3, sku.length - 2));
  await page.getByTestId('products-grid').locator('.ag-floating-filter[col-id="sku"] input').fill(prefix);
  const filtered = await waitForTotalChange(page, total);
  expect(filtered).toBeLessThan(total);
  for (const value of await columnValues(page, 'sku', Math.min(filtered, 5))) {
    expect(value.toLowerCase()).toContain(prefix.toLowerCase());
  }
});

test('number filter on price takes major units', async ({ page }) => {
  const total = await readTotal(page);
  const grid = page.getByTestId('products-grid');
  await grid.locator('.ag-floating-filter[col-id="price"] .ag-floating-filter-button button').click();
  const menu = page.locator('.ag-filter').first();
  await expect(menu).toBeVisible();
  await menu.locator('.ag-filter-select').first().click();
  await page.getByRole('option', { name: 'Greater than', exact: true }).click();
  await menu.locator('.ag-filter-from input').first().fill('50');
  const filtered = await waitForTotalChange(page, total);
  expect(filtered).toBeLessThan(total);
  await page.keyboard.press('Escape');
  const prices = (await columnValues(page, 'price', Math.min(filtered, 10))).map(parseMoney);
  for (const price of prices) expect(price).toBeGreaterThan(50);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
});

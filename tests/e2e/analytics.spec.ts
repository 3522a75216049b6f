// The owner's dashboard on the demo shop: KPIs with their comparisons and
// explanations, a period change, the trend as a chart and as a table.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, openFirstMixCategory, screenshot } from './helpers.js';

test('dashboard: KPIs of the demo shop, how they are computed, another period, trend as a table', async ({ page }) => {
  await openApp(page, '/#/analytics');
  await expect(page.getByTestId('kpi-netSales-value')).toHaveText(/\$\d/);
  await expect(page.getByTestId('kpi-orders-value')).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId('kpi-netSales')).toContainText('vs last year');
  await page.getByTestId('kpi-netSales').getByRole('button', { name: 'How is this computed?' }).click();
  await expect(page.getByTestId('kpi-netSales-how')).toContainText('refunds made in the period');
  await expect(page.getByTestId('forecast-note')).toContainText('WAPE');
  await screenshot(page, 'dashboard');

  const thirtyDays = await page.getByTestId('kpi-orders-value').textContent();
  await page.getByTestId('period-last365').click();
  await expect(page.getByTestId('dashboard-period')).toContainText('compared with');
  await expect(page.getByTestId('kpi-orders-value')).not.toHaveText(thirtyDays ?? '');
  await expect(page.getByTestId('sales-trend')).toContainText('Net sales per week');
  await page.getByTestId('sales-trend-toggle').click();
  await expect(page.getByTestId('sales-trend-table').locator('tbody tr')).toHaveCount(53);
  await expect(page.getByTestId('channel-split').locator('tbody tr')).not.toHaveCount(0);

  // Click through from a top product to its page.
  const top = page.getByTestId('top-products-list').locator('a').first();
  const name = (await top.textContent()) ?? '';
  await top.click();
  await expect(page).toHaveURL(/#\/products\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  // Its demand forecast (the Sales tab), with how far to trust it.
  await page.getByTestId('product-tab-sales').click();
  await expect(page.getByTestId('product-forecast-summary')).toContainText('Next 7 days');
  await expect(page.getByTestId('product-forecast-summary')).toContainText(/WAPE|too little history/i);
});

test('dashboard click-through: a category of the mix opens its products in the sales report; sales by customer segment', async ({ page }) => {
  await openApp(page, '/#/analytics');
  await expect(page.getByTestId('customer-mix')).toContainText('New and returning customers');
  await openFirstMixCategory(page);
  await expect(page.getByTestId('sales-report-by')).toHaveValue('product');
  await expect(page.getByTestId('sales-report-table').locator('.ag-row')).not.toHaveCount(0);
  await screenshot(page, 'sales-report-category');

  await page.getByTestId('sales-report-by').selectOption('segment');
  await expect(page.getByTestId('sales-report-table')).toContainText(/Champions|Loyal low spenders|New \/ promising/);
});

test('sales report by category sorted by gross profit and exported; returns with the quality / transit split', async ({ page }) => {
  await openApp(page, '/#/analytics/sales');
  const grid = page.getByTestId('sales-report-table');
  await expect(grid.locator('.ag-row')).not.toHaveCount(0);
  await page.getByTestId('sales-report-by').selectOption('category');
  await expect(grid).toContainText(' > ');
  // Sort by gross profit, smallest first (AG Grid: first click ascending), and export: the file has the grid's order.
  const header = grid.getByRole('columnheader', { name: 'Gross profit' });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const firstShown = (await grid.locator('.ag-row[row-index="0"] [col-id="label"]').first().textContent()) ?? '';
  const download = page.waitForEvent('download');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sales report.csv');
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[1]).toContain(firstShown);
  await screenshot(page, 'sales-report-grid');

  await page.getByTestId('analytics-tab-products').click();
  await expect(page.getByTestId('health-sellThrough')).toContainText('%');
  await expect(page.getByTestId('health-by-category').locator('tbody tr')).not.toHaveCount(0);
  await expect(page.getByTestId('abc-summary')).toContainText('A');
  await expect(page.getByTestId('slow-movers-grid').locator('.ag-row')).not.toHaveCount(0);

  // Inventory: stock-outs with their estimated lost sales, aging.
  await page.getByTestId('analytics-tab-inventory').click();
  await expect(page.getByTestId('inventory-report')).toContainText(/Stock-out rate\s*ⓘ?\s*\d/);
  await expect(page.getByTestId('stock-out-episodes').locator('.ag-row')).not.toHaveCount(0);
  await expect(page.getByTestId('inventory-aging')).toContainText('Over 365 days');

  await page.getByTestId('analytics-tab-customers').click();
  await expect(page.getByTestId('segments-table')).toContainText('Champions');
  await page.getByTestId('segment-hibernating').click();
  await expect(page.getByTestId('segment-customers')).toContainText('Hibernating');
  await expect(page.getByTestId('segment-customers-grid').locator('.ag-row')).not.toHaveCount(0);
  const segmentFile = page.waitForEvent('download');
  await page.getByTestId('segment-customers').getByTestId('export-open').click();
  await page.getByTestId('segment-customers').getByTestId('export-xlsx').click();
  expect((await segmentFile).suggestedFilename()).toBe('Hibernating.xlsx');
  // Retention heat map, CLV and silent customers to win back, exported.
  await expect(page.getByTestId('cohorts-next-month')).toContainText(/Next-month retention: \d+%/);
  await expect(page.getByTestId('cohorts').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('clv-figure')).toContainText(/\$\d/);
  await page.getByTestId('clv-sort').selectOption('expectedValue');
  await expect(page.getByTestId('customer-value').locator('tbody tr')).not.toHaveCount(0);
  await page.getByTestId('silent-180').click();
  await expect(page.getByTestId('silent-customers').locator('tbody tr')).not.toHaveCount(0);
  await screenshot(page, 'customers-retention');
  const silentFile = page.waitForEvent('download');
  await page.getByTestId('silent-customers').getByTestId('export-open').click();
  await page.getByTestId('silent-customers').getByTestId('export-csv').click();
  expect((await silentFile).suggestedFilename()).toBe('Silent 180 days.csv');

  await page.getByTestId('analytics-tab-returns').click();
  await expect(page.getByTestId('returns-total')).toContainText(/Return rate \d/);
  await expect(page.getByTestId('returns-total')).toContainText('Quality');
  await expect(page.getByTestId('returns-reasons').locator('tr')).not.toHaveCount(0);
  await expect(page.getByTestId('returns-table').locator('.ag-row')).not.toHaveCount(0);
  await screenshot(page, 'returns-report');
  const returnsFile = page.waitForEvent('download');
  await page.getByTestId('returns-table').getByTestId('export-open').click();
  await page.getByTestId('returns-table').getByTestId('export-xlsx').click();
  expect((await returnsFile).suggestedFilename()).toBe('Returns.xlsx');
});

test('reorder: a line explains itself and the demand forecast cross-checks it', async ({ page }) => {
  await openApp(page, '/#/purchasing/reorder');
  await page.getByRole('button', { name: 'Why?' }).first().click();
  await expect(page.getByTestId('reorder-explain')).toContainText('Reorder point =');
  await expect(page.getByTestId('reorder-forecast-check')).toContainText(/Cross-check: the demand forecast expects [\d.,]+ units over the next \d+ days/);
});

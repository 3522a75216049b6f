// Analytics for the period the owner means: a custom range and an as-of day on
// every analytics page, kept in the URL (reload, back, copied links, the
// dashboard's click-through), and stock figures that say where the stock
// history starts instead of showing 0 on hand. On the demo shop (730 days of
// history ending today).
import { expect, test, type Page } from '@playwright/test';
import { openApp, openFirstMixCategory, screenshot } from './helpers.js';

/** A local date `offset` days from today (UTC; the dates used are far from any day boundary). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const from = day(-40);
const to = day(-10);
const asOf = day(-20);

async function chooseRange(page: Page, first: string, last: string): Promise<void> {
  await page.getByTestId('period-custom').click();
  await page.getByTestId('period-from').fill(first);
  await page.getByTestId('period-to').fill(last);
  await page.getByTestId('period-apply').click();
}

test('dashboard: a custom range changes the KPIs period line, survives a reload, rides the click-through and is checked', async ({ page }) => {
  await openApp(page, '/#/analytics');
  await expect(page.getByTestId('kpi-orders-value')).toHaveText(/^\d/);
  const thirtyDays = await page.getByTestId('dashboard-period').textContent();

  await chooseRange(page, from, to);
  await expect(page).toHaveURL(new RegExp(`#/analytics\\?from=${from}&to=${to}$`));
  await expect(page.getByTestId('dashboard-period')).toContainText(`${from} – ${to}`);
  await expect(page.getByTestId('dashboard-period')).not.toHaveText(thirtyDays ?? '');
  await expect(page.getByTestId('period-custom')).toHaveClass(/active/);
  await expect(page.getByTestId('kpi-orders-value')).toHaveText(/^\d/);
  await screenshot(page, 'period-dashboard-custom');

  // Reload: the same period (a deep link).
  await page.reload();
  await expect(page.getByTestId('dashboard-period')).toContainText(`${from} – ${to}`);
  await expect(page.getByTestId('period-from')).toHaveValue(from);
  await expect(page.getByTestId('period-to')).toHaveValue(to);

  // The category mix opens the sales report of that category for the same period; back returns.
  await openFirstMixCategory(page);
  await expect(page).toHaveURL(new RegExp(`#/analytics/sales/category/\\d+/.+\\?from=${from}&to=${to}$`));
  await expect(page.getByTestId('sales-report')).toContainText(from);
  await expect(page.getByTestId('period-from')).toHaveValue(from);
  await page.goBack();
  await expect(page.getByTestId('dashboard-period')).toContainText(`${from} – ${to}`);

  // A preset goes into the URL too; a reversed range is refused with a reason, the period unchanged.
  await page.getByTestId('period-last7').click();
  await expect(page).toHaveURL(/#\/analytics\?period=last7$/);
  await chooseRange(page, to, from);
  await expect(page.getByTestId('period-error')).toHaveText('The last day is before the first day: pick a last day on or after the first.');
  await expect(page).toHaveURL(/#\/analytics\?period=last7$/);
  await page.getByTestId('period-to').fill(day(3));
  await page.getByTestId('period-apply').click();
  await expect(page.getByTestId('period-error')).toContainText('can’t end after today');
  await screenshot(page, 'period-dashboard-error');
});

test('every analytics page opens on the period and as-of day of its link, and the tabs carry them along', async ({ page }) => {
  // Each page with what shows that its figures have loaded.
  const pages = [
    { tab: 'sales', loaded: (p: Page) => expect(p.getByTestId('sales-report-table').locator('.ag-row')).not.toHaveCount(0), period: true, asOf: false },
    { tab: 'products', loaded: (p: Page) => expect(p.getByTestId('health-sellThrough')).toContainText('%'), period: true, asOf: true },
    { tab: 'inventory', loaded: (p: Page) => expect(p.getByTestId('inventory-stockOutRate').locator('.kpi-value')).toHaveText(/\d/), period: true, asOf: true },
    { tab: 'customers', loaded: (p: Page) => expect(p.getByTestId('segments-table').locator('tbody tr')).toHaveCount(8), period: false, asOf: true },
    { tab: 'returns', loaded: (p: Page) => expect(p.getByTestId('returns-total')).toContainText('%'), period: true, asOf: false },
  ] as const;
  await openApp(page, `/#/analytics?from=${from}&to=${to}&asOf=${asOf}`);
  for (const p of pages) {
    await page.getByTestId(`analytics-tab-${p.tab}`).click();
    await expect(page).toHaveURL(new RegExp(`#/analytics/${p.tab}\\?from=${from}&to=${to}&asOf=${asOf}$`));
    await p.loaded(page);
    const controls = page.getByTestId('period-controls');
    if (p.period) {
      await expect(controls.getByTestId('period-custom')).toHaveClass(/active/);
      await expect(controls.getByTestId('period-from')).toHaveValue(from);
      await expect(controls.getByTestId('period-to')).toHaveValue(to);
    } else await expect(controls.getByTestId('period-custom')).toHaveCount(0);
    if (p.asOf) await expect(controls.getByTestId('period-as-of')).toHaveValue(asOf);
    else await expect(controls.getByTestId('period-as-of')).toHaveCount(0);
    await screenshot(page, `period-${p.tab}`);
  }

  // Customers: another as-of day re-scores RFM as of it, and a reload keeps it.
  const earlier = day(-100);
  await page.getByTestId('analytics-tab-customers').click();
  await page.getByTestId('period-as-of').fill(earlier);
  await expect(page).toHaveURL(new RegExp(`asOf=${earlier}`));
  await expect(page.getByTestId('customers-report')).toContainText(`365 days to ${earlier}`);
  await page.reload();
  await expect(page.getByTestId('period-as-of')).toHaveValue(earlier);
  await expect(page.getByTestId('customers-report')).toContainText(`365 days to ${earlier}`);

  // Products as of a day: ABC and slow movers follow it; the demo's stock is on record (no stock-history note).
  await page.getByTestId('analytics-tab-products').click();
  await expect(page.getByTestId('abc-summary')).toContainText(`365 days to ${earlier}`);
  await expect(page.getByTestId('health-sellThrough')).toContainText('%');
  await expect(page.getByTestId('slow-movers-grid').locator('.ag-row')).not.toHaveCount(0);
  await expect(page.getByTestId('health-stock-history')).toHaveCount(0);
  await expect(page.getByTestId('slow-stock-history')).toHaveCount(0);
});

test('stock figures of a period before the stock history say where it starts, in English and Chinese', async ({ page }) => {
  const before = { from: day(-900), to: day(-800) };
  await openApp(page, `/#/analytics/products?from=${before.from}&to=${before.to}&asOf=${before.to}`);
  const note = page.getByTestId('health-stock-history');
  await expect(note).toContainText(/Stock history starts \w{3} \d{1,2}, \d{4}: the stock before then is not on record/);
  await expect(page.getByTestId('health-sellThrough').locator('.kpi-value')).toHaveText('—');
  await expect(page.getByTestId('health-deadStockShare').locator('.kpi-value')).toHaveText('—');
  await expect(page.getByTestId('slow-stock-history')).toBeVisible();
  await note.getByRole('button', { name: 'How is this computed?' }).click();
  await expect(note).toContainText('(opening stock)');
  await screenshot(page, 'stock-history-products-en');

  await page.getByTestId('analytics-tab-inventory').click();
  await expect(page.getByTestId('stock-outs-stock-history')).toContainText('Stock history starts');
  await expect(page.getByTestId('inventory-stockOutRate').locator('.kpi-value')).toHaveText('—');
  await expect(page.getByTestId('aging-stock-history')).toBeVisible();
  await screenshot(page, 'stock-history-inventory-en');

  // A period that begins before the history and ends after it: figures, counted from the start.
  await page.goto(`/#/analytics/products?from=${day(-760)}&to=${day(-700)}`);
  await expect(page.getByTestId('health-stock-history')).toContainText('this period begins earlier');
  await expect(page.getByTestId('health-sellThrough').locator('.kpi-value')).toContainText('%');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(`/#/analytics/products?from=${before.from}&to=${before.to}&asOf=${before.to}`);
  await expect(page.getByTestId('health-stock-history')).toContainText(/库存记录始于 \d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByTestId('period-custom')).toHaveText('自定义…');
  await screenshot(page, 'stock-history-products-zh');
  await page.getByTestId('analytics-tab-inventory').click();
  await expect(page.getByTestId('stock-outs-stock-history')).toContainText('库存记录始于');
  await screenshot(page, 'stock-history-inventory-zh');

  // Sales by segment in Chinese: the rows are named, and the unscored row is explained behind ⓘ.
  await page.goto(`/#/analytics/sales?period=last365`);
  await page.getByTestId('sales-report-by').selectOption('segment');
  await expect(page.getByTestId('sales-report-table')).toContainText(/重要价值客户|一般价值客户/);
  await page.getByTestId('sales-segment-how').getByRole('button').click();
  await expect(page.getByTestId('sales-segment-how-more')).toContainText('未评分');
  await screenshot(page, 'sales-segments-zh');
  await page.goto('/#/analytics');
  await chooseRange(page, to, from);
  await expect(page.getByTestId('period-error')).toContainText('结束日期早于开始日期');
  await screenshot(page, 'period-dashboard-zh');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

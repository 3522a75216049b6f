// The owner's dashboard on the demo shop: KPIs with their comparisons and
// explanations, a period change, the trend as a chart and as a table.
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

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
});

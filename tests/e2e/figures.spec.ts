// Figures a person can believe, on the demo shop (generated "now", so the
// default period ends today): today is marked as partial, the maturing return
// rate carries a caveat and no good/bad colour, turnover says it is annualised,
// and estimated lost sales give their bound and a check — in both languages.
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

test('dashboard: today so far is partial, comparisons are cut at the same hour, the return rate is not judged yet', async ({ page }) => {
  await openApp(page, '/#/analytics');
  await expect(page.getByTestId('kpi-partial-note')).toContainText('Includes today so far');
  await expect(page.getByTestId('kpi-partial-note')).toContainText('counted to');
  await expect(page.getByTestId('sales-trend-partial')).toContainText('Today so far');
  await expect(page.getByTestId('sales-trend-partial')).toContainText('not a drop');

  // Returns of the last weeks' orders are still coming: a caveat, and the changes in neutral grey.
  await expect(page.getByTestId('kpi-returnRate-caveat')).toContainText('Returns still arriving for orders of the last');
  const deltas = page.getByTestId('kpi-returnRate').locator('.kpi-delta');
  await expect(deltas).toHaveCount(2);
  for (const delta of await deltas.all()) await expect(delta).toHaveClass(/muted/);
  // Other KPIs keep their colours.
  await expect(page.getByTestId('kpi-netSales').locator('.kpi-delta.up, .kpi-delta.down')).not.toHaveCount(0);

  // The table view labels today's row.
  await page.getByTestId('sales-trend-toggle').click();
  const rows = page.getByTestId('sales-trend-table').locator('tbody tr:not(.forecast-row)');
  await expect(rows.last()).toContainText('(so far)');
  await screenshot(page, 'figures-dashboard');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('kpi-partial-note')).toContainText('含今日截至');
  await expect(page.getByTestId('kpi-returnRate-caveat')).toContainText('退货仍在陆续发生');
  await expect(rows.last()).toContainText('（截至目前）');
  await screenshot(page, 'figures-dashboard-zh');
});

test('inventory: estimated lost sales say "≈ X (at most Y)" and are checked against what the same variants sold', async ({ page }) => {
  await openApp(page, '/#/analytics/inventory');
  const lost = page.getByTestId('inventory-lostSales');
  await expect(lost).toContainText('at most');
  const text = (await lost.locator('.kpi-value').textContent()) ?? '';
  const match = /≈ \$([\d,]+) \(at most \$([\d,]+)\)/.exec(text);
  expect(match, text).not.toBeNull();
  const [estimate, high] = [Number(match?.[1]?.replace(/,/g, '')), Number(match?.[2]?.replace(/,/g, ''))];
  expect(estimate).toBeLessThanOrEqual(high);
  await expect(lost).toContainText('Check: the same');
  await expect(page.getByTestId('inventory-lostUnits')).toContainText('at most');
  await screenshot(page, 'figures-inventory');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(lost).toContainText('至多');
  await expect(lost).toContainText('核对');
  await screenshot(page, 'figures-inventory-zh');
});

test('products report: inventory turnover says it is annualised', async ({ page }) => {
  await openApp(page, '/#/analytics/products');
  await expect(page.getByTestId('health-turnover')).toContainText('Inventory turnover (annualised)');
  await expect(page.getByTestId('health-turnover')).toContainText('× 365 ÷ days in the period');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('health-turnover')).toContainText('库存周转率（年化）');
});

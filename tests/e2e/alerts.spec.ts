// Alerts on the demo shop: checked on demand, each says what moved against
// what baseline and why, with an action; marked seen, then resolved.
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

test('alerts: check now, read an explained alert, act on it, mark it seen and resolved', async ({ page }) => {
  await openApp(page, '/#/analytics/alerts');
  await page.getByTestId('alerts-check').click();
  await expect(page.getByTestId('alerts-checked')).toContainText(/Checked: \d+ new, \d+ resolved, \d+ open\./);
  await page.getByTestId('alerts-filter-new').click();
  const first = page.getByTestId('alert-card').first();
  await expect(first).toBeVisible();
  await expect(first.getByTestId('alert-value')).not.toBeEmpty();
  await expect(first.getByTestId('alert-baseline')).not.toBeEmpty();
  await expect(first.getByTestId('alert-action')).toBeVisible();
  await screenshot(page, 'alerts');

  const newBefore = Number((await page.getByTestId('alerts-new-count').textContent())?.replace(/\D/g, '') ?? '0');
  await first.getByTestId('alert-seen').click();
  await expect(page.getByTestId('alerts-new-count')).toHaveText(new RegExp(String(newBefore - 1)));
  await page.getByTestId('alerts-filter-seen').click();
  const seen = page.getByTestId('alert-card').first();
  await seen.getByTestId('alert-resolve').click();
  await page.getByTestId('alerts-filter-resolved').click();
  await expect(page.getByTestId('alert-card')).not.toHaveCount(0);
});

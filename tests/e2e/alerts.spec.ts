// Alerts on the demo shop, grouped (issue 16): checked on demand, shown as a
// handful of groups (rule × supplier / category) with their worst items and one
// action; the tab badge counts groups needing action; a group opens into its
// explained alerts, is marked seen as a whole, and a supplier's reorder group
// becomes a draft PO in one click. In English and Chinese.
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

async function badge(page: Page): Promise<number> {
  const shown = page.getByTestId('alerts-badge');
  return (await shown.count()) === 0 ? 0 : Number((await shown.textContent())?.replace(/\D/g, '') ?? '0');
}

test('alerts: groups with worst items and one action, open a group, mark it seen, create a draft PO', async ({ page }) => {
  await openApp(page, '/#/analytics/alerts');
  await page.getByTestId('alerts-check').click();
  await expect(page.getByTestId('alerts-checked')).toContainText(/Checked: \d+ new, \d+ resolved, \d+ open\./);
  await page.getByTestId('alerts-filter-new').click();
  const groups = page.getByTestId('alert-groups-need-action');
  await expect(groups).toHaveText(/^\d+ groups need action$/);
  const needAction = Number((await groups.textContent())?.replace(/\D/g, '') ?? '0');
  await expect.poll(() => badge(page)).toBe(needAction);
  const first = page.getByTestId('alert-group').first();
  await expect(first.getByTestId('alert-group-title')).not.toBeEmpty();
  await expect(first.getByTestId('alert-group-count')).toContainText(/\d+ alerts/);
  await expect(first.getByTestId('alert-group-item')).not.toHaveCount(0);
  await expect(first.getByTestId('alert-group-action')).toBeVisible();
  await screenshot(page, 'alerts-groups');

  // A group opens into its alerts, each explained.
  const title = (await first.getByTestId('alert-group-title').textContent()) ?? '';
  await first.getByTestId('alert-group-open').click();
  await expect(page.getByTestId('alert-group-detail-title')).toHaveText(title);
  const card = page.getByTestId('alert-card').first();
  await expect(card.getByTestId('alert-value')).not.toBeEmpty();
  await expect(card.getByTestId('alert-baseline')).not.toBeEmpty();
  await screenshot(page, 'alerts-group-open');
  await page.getByTestId('alert-group-back').click();

  // The whole group marked seen: one group fewer needs action, on the page and on the badge.
  const key = await page.getByTestId('alert-group').first().getAttribute('data-key');
  await page.getByTestId('alert-group').first().getByTestId('alert-group-seen').click();
  await expect(page.locator(`[data-testid="alert-group"][data-key="${key}"]`)).toHaveCount(0);
  await expect.poll(() => badge(page)).toBe(needAction - 1);
  await page.getByTestId('alerts-filter-seen').click();
  await expect(page.locator(`[data-testid="alert-group"][data-key="${key}"]`)).toHaveCount(1);

  // One click: a supplier's reorder group becomes a draft PO.
  await page.getByTestId('alerts-filter-new').click();
  const reorder = page.locator('[data-testid="alert-group"][data-rule="belowReorderPoint"]').filter({ has: page.getByTestId('alert-group-action').getByText('Create draft PO') }).first();
  await expect(reorder).toBeVisible();
  await reorder.getByTestId('alert-group-action').click();
  await expect(page).toHaveURL(/#\/purchasing\/orders\/\d+$/);
});

test('alerts: groups in Chinese', async ({ page }) => {
  await openApp(page, '/#/analytics/alerts');
  await page.getByTestId('alerts-check').click();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('alert-groups-need-action')).toHaveText(/^\d+ 组需要处理$/);
  const first = page.getByTestId('alert-group').first();
  await expect(first.getByTestId('alert-group-count')).toContainText(/\d+ 条预警/);
  await expect(page.getByTestId('alert-group-action').first()).toHaveText(/创建采购草稿|在库存中打开|打开补货建议|打开报表|打开商品|打开渠道|打开促销/);
  await screenshot(page, 'alerts-groups-zh');
  await first.getByTestId('alert-group-open').click();
  await expect(page.getByTestId('alert-group-back')).toContainText('全部分组');
  await expect(page.getByTestId('alert-card').first()).toBeVisible();
  await screenshot(page, 'alerts-group-open-zh');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

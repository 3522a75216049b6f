// The language switch: the shop's setting, so it survives a reload, and every
// visible string follows it (nav, grid headers, badge).
import { expect, test } from '@playwright/test';
import { gridRows, openApp, readTotal, screenshot } from './helpers.js';

test('switches to 简体中文, persists across reload, and back to English', async ({ page }) => {
  await openApp(page, '/#/products');
  await expect(gridRows(page).first()).toBeVisible();
  const total = await readTotal(page);

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('nav-products')).toHaveText(/商品/);
  await expect(page.getByTestId('nav-settings')).toHaveText(/设置/);
  await expect(page.getByTestId('demo-badge')).toHaveText('演示店铺');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const headers = page.getByTestId('products-grid').locator('.ag-header-cell-text');
  await expect(headers.filter({ hasText: '售价' })).toHaveCount(1);
  await expect(headers.filter({ hasText: '规格' })).toHaveCount(1);
  await expect(page.getByTestId('products-total')).toHaveText(/个规格$/);
  await expect(gridRows(page).first()).toBeVisible();
  await screenshot(page, 'products-zh-CN');
  // Status is far right (columns are virtualised): End moves focus, and the view, to the last column.
  await page.getByTestId('products-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="sku"]').click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('products-grid').locator('.ag-cell[col-id="status"]').first()).toHaveText(/在售|草稿|已归档/);
  await page.keyboard.press('Home');

  await page.reload();
  await expect(page.getByTestId('nav-products')).toHaveText(/商品/);
  expect(await readTotal(page)).toBe(total);

  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByLabel('店铺名称')).toBeVisible();
  await screenshot(page, 'settings-zh-CN');

  // No horizontal overflow from longer/shorter strings in either language.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('nav-products')).toHaveText(/Products/);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('nav-settings')).toHaveText(/Settings/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Alt+1 … Alt+7 switch pages in navigation order', async ({ page }) => {
  await openApp(page, '/#/products');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Purchasing' })).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Import' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
});

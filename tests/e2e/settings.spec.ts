// Settings: a saved name shows in the top bar; an empty name is refused with a
// translated message next to the field.
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

test('saves a new shop name and shows it in the top bar', async ({ page }) => {
  await openApp(page, '/#/settings');
  const original = (await page.getByTestId('shop-name').textContent()) ?? '';
  const name = `Harbor Street Goods ${Date.now() % 10000}`;

  await page.getByLabel('Shop name').fill(name);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('shop-name')).toHaveText(name);
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await screenshot(page, 'settings-en');

  await page.reload();
  await expect(page.getByTestId('shop-name')).toHaveText(name);

  await page.getByLabel('Shop name').fill(original);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('shop-name')).toHaveText(original);
});

test('an empty name shows a translated validation error in both languages', async ({ page }) => {
  await openApp(page, '/#/settings');
  const before = (await page.getByTestId('shop-name').textContent()) ?? '';

  await page.getByLabel('Shop name').fill('   ');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const form = page.getByTestId('settings-form');
  await expect(form.getByRole('alert')).toHaveText('This field is required.');
  await expect(page.getByLabel('Shop name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.toast-error')).toContainText('Some of the information is not valid.');
  await expect(page.locator('.toast-error')).not.toContainText(/Error:|at \w+ \(/);
  await screenshot(page, 'settings-en-error');
  await expect(page.getByTestId('shop-name')).toHaveText(before);

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await page.getByLabel('店铺名称').fill('');
  await page.getByRole('button', { name: '保存更改' }).click();
  await expect(form.getByRole('alert')).toHaveText('此项为必填项。');
  await screenshot(page, 'settings-zh-CN-error');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

// First run on an empty database: the Welcome screen, then either an empty shop
// (with a validation error on the way) or the demo shop generated as a job with
// its progress bar. Each test gets its own serve-mode process and database.
import { expect, test as base } from '@playwright/test';
import { e2eToken } from './env.js';
import { screenshot } from './helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';

const test = base.extend<{ fresh: ServeProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies (none here).
  fresh: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    await serve.stop();
  },
});

test('creates an empty shop from the Welcome screen', async ({ browser, fresh }) => {
  const context = await browser.newContext({ baseURL: fresh.origin, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`/?token=${e2eToken}`);

  await expect(page.getByRole('heading', { name: 'Welcome to Shopdesk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the demo shop' })).toBeEnabled();
  await screenshot(page, 'welcome-en');

  // Empty name: the core refuses it and the message lands next to the field.
  await page.getByRole('button', { name: 'Create the shop' }).click();
  await expect(page.locator('.field-error')).toHaveText('This field is required.');

  await page.getByLabel('Shop name').fill('Corner Store');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Create the shop' }).click();

  await expect(page.getByTestId('shop-name')).toHaveText('Corner Store');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(page.getByTestId('products-total')).toHaveText('0 variants');

  // Before a shop existed the language was a local choice; now it is the shop's.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('products-total')).toHaveText('0 个规格');
  await page.reload();
  await expect(page.getByTestId('products-total')).toHaveText('0 个规格');
  await context.close();
});

test('opens the demo shop from the Welcome screen with a progress bar', async ({ browser, fresh }) => {
  const context = await browser.newContext({ baseURL: fresh.origin, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`/?token=${e2eToken}`);

  // The choice made before a shop exists is the demo shop's language.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '欢迎使用 Shopdesk' })).toBeVisible();
  await screenshot(page, 'welcome-zh-CN');

  await page.getByRole('button', { name: '打开演示店铺' }).click();
  const progress = page.getByTestId('demo-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toContainText('正在生成演示店铺');
  await screenshot(page, 'welcome-demo-progress-zh-CN');

  await expect(page.getByTestId('demo-badge')).toHaveText('演示店铺', { timeout: 60_000 });
  await expect(page.getByTestId('products-total')).toHaveText(/^[1-9][\d,]* 个规格$/);
  // The finished job lingers in the tray for a moment before it fades away.
  await expect(page.getByTestId('jobs-tray')).toContainText('已完成');
  await screenshot(page, 'shell-after-demo-zh-CN');
  await expect(page.getByTestId('jobs-tray')).toHaveCount(0, { timeout: 15_000 });
  await context.close();
});

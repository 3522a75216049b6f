// Every page answers at once and says what it is doing: a slow report shows
// that it is loading (and dims the old figures while a new period loads)
// instead of empty panels; an empty shop's lists say what would appear there
// and how to make the first one; the Products grid's column chooser hides and
// restores columns and keeps Cost / On hand / Status on a 1440 px screen; the
// product page leads with stock and sales and keeps its tab in the URL; Esc
// closes menus.
import { expect, test as base, type Page, type Route } from '@playwright/test';
import { e2eToken } from './env.js';
import { openApp, screenshot } from './helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';

const test = base.extend<{ fresh: ServeProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies (none here).
  fresh: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    await serve.stop();
  },
});

/** Holds the answers of one core method until `release()`: the page shows what it does meanwhile. */
async function holdMethod(page: Page, method: string): Promise<{ release: () => void }> {
  let release = () => {};
  let gate = Promise.resolve();
  const hold = () => {
    gate = new Promise<void>((resolve) => (release = resolve));
  };
  hold();
  await page.route('**/rpc', async (route: Route) => {
    const body = route.request().postDataJSON() as { method?: string } | null;
    if (body?.method === method) await gate;
    await route.continue();
  });
  return {
    release: () => {
      release();
      hold();
    },
  };
}

const productsStorageKey = 'shopdesk.columns.products';

test('a slow dashboard shows that it is loading, then dims the old figures while a new period loads', async ({ page }) => {
  await openApp(page, '/#/products');
  const kpis = await holdMethod(page, 'analytics.kpis');
  await page.goto('/#/analytics');

  // Before the first answer: the cards say they are loading, the channel split has a skeleton.
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.getByTestId('reloading').first()).toContainText('Loading…');
  await expect(dashboard.getByTestId('reloading').first()).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('channel-split').getByTestId('loading')).toBeVisible();
  await expect(page.getByTestId('kpi-orders-value')).toHaveText('…');
  await screenshot(page, 'pages-dashboard-loading');
  kpis.release();
  await expect(page.getByTestId('kpi-orders-value')).toHaveText(/^\d/);
  await expect(page.getByTestId('channel-split').locator('tbody tr')).not.toHaveCount(0);
  await expect(dashboard.getByTestId('reloading')).toHaveCount(0);

  // Another period: the last figures stay on screen, dimmed, with the spinner, until the new ones come.
  const thirtyDays = (await page.getByTestId('kpi-orders-value').textContent()) ?? '';
  await page.getByTestId('period-last7').click();
  await expect(dashboard.getByTestId('reloading').first()).toBeVisible();
  await expect(page.getByTestId('kpi-orders-value')).toHaveText(thirtyDays);
  await expect(dashboard.locator('.busy.is-busy').first()).toHaveAttribute('aria-busy', 'true');
  kpis.release();
  await expect(dashboard.getByTestId('reloading')).toHaveCount(0);
  await expect(page.getByTestId('kpi-orders-value')).not.toHaveText(thirtyDays);
});

test('a slow product page shows a skeleton, then leads with stock and sales; its tab is in the URL', async ({ page }) => {
  await openApp(page, '/#/analytics');
  const top = page.getByTestId('top-products-list').locator('a').first();
  const href = (await top.getAttribute('href')) ?? '';
  expect(href).toMatch(/^#\/products\/\d+$/);

  const insights = await holdMethod(page, 'products.insights');
  await page.goto(`/${href}`);
  await expect(page.getByTestId('summary-units30')).toContainText('…');
  await page.getByTestId('product-tab-stock').click();
  await expect(page).toHaveURL(new RegExp(`${href}/stock$`));
  await expect(page.getByTestId('loading').filter({ hasText: 'Loading the product’s stock, sales and suppliers…' })).toBeVisible();
  insights.release();
  await expect(page.getByTestId('insights-stock')).toBeVisible();
  await expect(page.getByTestId('summary-units30')).toContainText(/Sold, last 30 days\s*\d/);
  await expect(page.getByTestId('summary-cover')).toContainText('Days of cover');

  await page.getByTestId('product-tab-sales').click();
  await expect(page.getByTestId('product-forecast-summary')).toContainText('Next 7 days');
  await expect(page.getByTestId('insights-stock')).toHaveCount(0);
  await screenshot(page, 'pages-product-sales-tab');
  // Back returns to the tab before, not to the page before the product.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${href}/stock$`));
  await expect(page.getByTestId('insights-stock')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('variants-table')).toBeVisible();
});

test('an empty shop: every list says what would appear there and how to make the first one', async ({ browser, fresh }) => {
  const context = await browser.newContext({ baseURL: fresh.origin, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`/?token=${e2eToken}`);
  await page.getByLabel('Shop name').fill('Empty Corner');
  await page.getByRole('button', { name: 'Create the shop' }).click();
  await expect(page.getByTestId('shop-name')).toHaveText('Empty Corner');

  await page.goto('/#/stock/transfers');
  const transfers = page.getByTestId('transfers-empty');
  await expect(transfers).toContainText('No transfers yet.');
  await expect(transfers).toContainText('Move stock between locations with New transfer');
  await expect(page.getByTestId('transfers-table')).toBeHidden();
  await screenshot(page, 'pages-transfers-empty-en');
  // "New transfer" takes the person to the form that makes the first one.
  await page.getByTestId('transfers-empty-new').click();
  await expect(page.getByTestId('transfer-form').locator(':focus')).toHaveCount(1);

  const empties: [string, string, string][] = [
    ['/#/stock/stocktakes', 'stocktakes-empty', 'No stocktakes yet.'],
    ['/#/stock/levels', 'stock-levels-empty', 'No stock recorded yet.'],
    ['/#/stock/valuation', 'valuation-empty', 'No stock to value yet.'],
    ['/#/purchasing/orders', 'po-empty', 'No open purchase orders.'],
    ['/#/purchasing/suppliers', 'suppliers-empty', 'No suppliers yet.'],
    ['/#/purchasing/scorecard', 'scorecard-empty', 'No suppliers to score yet.'],
    ['/#/purchasing/reorder', 'reorder-empty', 'Nothing to reorder.'],
    ['/#/history', 'history-empty', 'No changes yet.'],
    ['/#/analytics/alerts', 'alerts-empty', 'No new alerts.'],
  ];
  for (const [path, testId, title] of empties) {
    await page.goto(path);
    await expect(page.getByTestId(testId), path).toContainText(title);
  }

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await page.goto('/#/stock/transfers');
  await expect(page.getByTestId('transfers-empty')).toContainText('还没有调拨单。');
  await expect(page.getByTestId('transfers-empty-new')).toHaveText('新建调拨');
  await screenshot(page, 'pages-transfers-empty-zh');
  await context.close();
});

test('the column chooser hides and restores a column, remembers it, and resets', async ({ page }) => {
  await openApp(page, '/#/products');
  await page.evaluate((key) => localStorage.removeItem(key), productsStorageKey);
  await page.reload();
  const grid = page.getByTestId('products-grid');
  const header = (colId: string) => grid.locator(`.ag-header-cell:not(.ag-floating-filter)[col-id="${colId}"]`);
  await expect(header('cost')).toBeVisible();
  await expect(header('brand')).toHaveCount(0); // a less used column starts hidden

  await page.getByTestId('column-chooser-open').click();
  await expect(page.getByTestId('column-toggle-sku')).toBeDisabled(); // what a row is stays
  await page.getByTestId('column-toggle-cost').uncheck();
  await expect(header('cost')).toHaveCount(0);
  await page.getByTestId('column-toggle-brand').check();
  await expect(header('brand')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('column-toggle-cost')).toBeHidden();

  // Remembered on this computer.
  await page.reload();
  await expect(header('brand')).toBeVisible();
  await expect(header('cost')).toHaveCount(0);

  await page.getByTestId('column-chooser-open').click();
  await page.getByTestId('column-reset').click();
  await expect(header('cost')).toBeVisible();
  await expect(header('brand')).toHaveCount(0);
});

test('at 1440×900 the Products grid shows Cost, On hand and Status without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '/#/products');
  await page.evaluate((key) => localStorage.removeItem(key), productsStorageKey);
  await page.reload();
  const grid = page.getByTestId('products-grid');
  await expect(grid.locator('.ag-row[row-index="0"]').first()).toBeVisible();
  for (const colId of ['sku', 'title', 'price', 'cost', 'onHand', 'status']) {
    await expect(grid.locator(`.ag-header-cell:not(.ag-floating-filter)[col-id="${colId}"]`), colId).toBeInViewport({ ratio: 1 });
    await expect(grid.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${colId}"]`).first(), colId).toBeInViewport({ ratio: 1 });
  }
  await screenshot(page, 'pages-products-1440');
});

test('Esc closes the export menu and leaves the focus on its button', async ({ page }) => {
  await openApp(page, '/#/stock/levels');
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-xlsx')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-xlsx')).toBeHidden();
  await expect(page.getByTestId('export-open')).toBeFocused();
  // A click elsewhere closes it too.
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-xlsx')).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(page.getByTestId('export-xlsx')).toBeHidden();
});

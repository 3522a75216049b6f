// Actions that move stock or money say what they will do first: a partial
// receipt of one line receives only that line (quantities start empty), posting
// a stocktake shows net units / value and the uncounted lines (cancelling posts
// nothing), and bulk rounding previews prices before → after. In both languages.
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, rpc } from './helpers.js';

/** A core call from the page (serve mode's /rpc with the page's auth cookie). */
async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

interface Row {
  variantId: number;
  sku: string;
}

test('a partial receipt of one line receives only that line, after saying what it will do', async ({ page }) => {
  await openApp(page);
  const supplier = await rpc<{ id: number }>(page, 'suppliers.create', { name: 'E2E Confirm Supplies', currency: 'USD' });
  const locations = (await rpc<{ locations: { id: number; kind: string }[] }>(page, 'locations.list', {})).locations.filter((l) => l.kind !== 'transit');
  const variants = (await rpc<{ rows: Row[] }>(page, 'products.list', { offset: 0, limit: 3 })).rows;
  const draft = await rpc<{ id: number; number: string }>(page, 'purchaseOrders.create', {
    supplierId: supplier.id,
    locationId: locations[0]?.id,
    lines: variants.map((v) => ({ variantId: v.variantId, quantity: 5, unitCost: 1000 })),
  });
  await rpc(page, 'purchaseOrders.send', { purchaseOrderId: draft.id });
  const [first, second, third] = variants.map((v) => v.sku);

  await openApp(page, `/#/purchasing/orders/${draft.id}`);
  await expect(page.getByTestId('po-status')).toHaveText('Sent');
  // Nothing is pre-filled: typing one line cannot receive the others in full.
  for (const sku of [first, second, third]) await expect(page.getByTestId(`receive-${sku}`)).toHaveValue('');
  // Cancelling the order is not beside Receive.
  await expect(page.getByTestId('receive-panel').getByTestId('po-cancel')).toHaveCount(0);
  await expect(page.getByTestId('po-other-actions').getByTestId('po-cancel')).toBeVisible();

  await page.getByTestId(`receive-${second}`).fill('2');
  await page.getByTestId('po-receive').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(`Receive 1 line(s) of ${draft.number}?`);
  await expect(dialog).toContainText('2 units worth $20.00');
  await expect(dialog).toContainText('3 line(s) stay outstanding (13 units still expected).');
  await screenshot(page, 'confirm-receipt-en');
  await page.getByTestId('confirm-ok').click();

  await expect(page.getByTestId('po-status')).toHaveText('Partly received');
  const lines = page.getByTestId('po-lines').locator('tbody tr');
  const receivedAndOutstanding = async (row: number) => [await lines.nth(row).locator('td').nth(3).textContent(), await lines.nth(row).locator('td').nth(4).textContent()];
  expect(await receivedAndOutstanding(0)).toEqual(['0', '5']);
  expect(await receivedAndOutstanding(1)).toEqual(['2', '3']);
  expect(await receivedAndOutstanding(2)).toEqual(['0', '5']);

  // "Receive all outstanding" fills every line on purpose; in Chinese the confirmation says the same.
  await page.getByTestId('receive-fill-all').click();
  await expect(page.getByTestId(`receive-${second}`)).toHaveValue('3');
  await switchLanguage(page, 'zh-CN');
  await page.getByTestId('po-receive').click();
  await expect(dialog).toContainText(`确认收货 ${draft.number} 的 3 行？`);
  await expect(dialog).toContainText('采购单将变为已到货');
  await screenshot(page, 'confirm-receipt-zh');
  await page.getByTestId('confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('po-status')).toHaveText('部分到货');
  await switchLanguage(page, 'en');
});

test('posting a stocktake shows net units, value and the uncounted lines; cancelling posts nothing', async ({ page }) => {
  await openApp(page, '/#/stock/stocktakes');
  await page.getByTestId('stocktake-open').click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('Counting');
  const url = page.url();
  const stocktakeId = Number(/stocktakes\/(\d+)/.exec(url)?.[1]);

  // Count one line: two more than the shop thinks it has.
  const row = page.getByTestId('stocktake-lines').locator('tbody tr').first();
  const sku = ((await row.locator('td').nth(1).textContent()) ?? '').trim();
  const now = Number(((await row.locator('td').nth(4).textContent()) ?? '').replace(/[^\d-]/g, ''));
  const count = page.getByTestId(`count-${sku}`);
  await count.fill(String(now + 2));
  await count.press('Enter');
  await expect(row.locator('td').nth(6)).toHaveText('2');

  await page.getByTestId('stocktake-post').click();
  const dialog = page.getByTestId('stocktake-post-dialog');
  await expect(dialog.getByTestId('stocktake-post-counted')).toContainText(/^1 of [\d,]+ lines counted; [\d,]+ not counted\.$/);
  await expect(dialog.getByTestId('stocktake-post-net')).toContainText('Net change: +2 units');
  await expect(dialog.getByTestId('stocktake-post-uncounted')).toContainText('keep their');
  await screenshot(page, 'confirm-stocktake-en');
  // Counting the rest as zero shows what that would remove.
  await dialog.getByTestId('stocktake-uncounted-zero').check();
  await expect(dialog.getByTestId('stocktake-post-uncounted')).toContainText('are set to 0');
  await switchLanguage(page, 'zh-CN');
  await expect(dialog.getByTestId('stocktake-post-counted')).toContainText('已盘 1 行');
  await expect(dialog.getByTestId('stocktake-post-uncounted')).toContainText('将设为 0');
  await screenshot(page, 'confirm-stocktake-zh');
  await switchLanguage(page, 'en');

  await dialog.getByTestId('stocktake-post-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('stocktake-status')).toHaveText('Counting');
  const after = await rpc<{ stocktake: { status: string; counted: number } }>(page, 'stocktakes.get', { stocktakeId });
  expect(after.stocktake).toMatchObject({ status: 'counting', counted: 1 });

  // Leave the location free for other counts: cancelling the stocktake is confirmed too.
  await page.getByTestId('stocktake-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('The 1 counts entered so far are discarded');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('Cancelled');
});

test('bulk rounding previews prices before → after, up or down to the ending', async ({ page }) => {
  await openApp(page, '/#/products');
  const [sample] = (await rpc<{ rows: (Row & { price: number | null })[] }>(page, 'products.list', { offset: 0, limit: 50 })).rows.filter((r) => r.price !== null);
  if (!sample) throw new Error('the demo shop has no priced variant');
  await page.getByTestId('products-search').fill(sample.sku);
  await expect(page.getByTestId('products-total')).toHaveText('1 variants');
  await page.getByTestId('bulk-open').click();
  const dialog = page.getByTestId('bulk-dialog');
  await dialog.getByTestId('bulk-value').fill('10');
  await dialog.getByTestId('bulk-rounding').selectOption('.99');
  await dialog.getByTestId('bulk-direction').selectOption('up');
  const samples = dialog.getByTestId('bulk-preview-samples');
  await expect(samples).toContainText(sample.sku);
  await expect(samples).toContainText('→');
  const upPrice = (await samples.locator('td').nth(3).textContent()) ?? '';
  expect(upPrice).toMatch(/\.99$/);
  await dialog.getByTestId('bulk-direction').selectOption('down');
  await expect(samples.locator('td').nth(3)).not.toHaveText(upPrice);
  await expect(samples.locator('td').nth(3)).toHaveText(/\.99$/);
  await screenshot(page, 'bulk-preview-en');

  await dialog.getByTestId('bulk-apply').click();
  const confirmDialog = page.getByTestId('confirm-dialog');
  await expect(confirmDialog).toContainText('Apply to 1 variants?');
  await expect(confirmDialog).toContainText('rounded down to .99');
  await page.getByTestId('confirm-cancel').click();
  await switchLanguage(page, 'zh-CN');
  await expect(dialog.getByTestId('bulk-preview-count')).toContainText('1 个规格中有 1 个会变化');
  await screenshot(page, 'bulk-preview-zh');
  await switchLanguage(page, 'en');
});

// A shop's daily work end to end in Chromium: create a product with 2×3
// variants, paste prices into the grid and undo, receive a purchase order in
// part, transfer stock, count it with a scanner and post the variance, and see
// all of it on the product's 360 view.
import { expect, test } from '@playwright/test';
import { columnValues, gridRows, openApp, pasteInto, screenshot } from './helpers.js';

test('daily operations: product, paste and undo, purchase order, transfer, stocktake, 360 view', async ({ page }) => {
  test.setTimeout(120_000);
  let productUrl = '';
  let sku = '';

  await test.step('create a product with 2 colours × 3 sizes', async () => {
    await openApp(page, '/#/products/new');
    await page.getByTestId('np-title').fill('E2E Trail Jacket');
    await page.getByTestId('np-sku-prefix').fill('E2EJ');
    await page.getByTestId('np-price').fill('50');
    await page.getByTestId('np-cost').fill('20');
    await page.getByTestId('np-option-name-0').fill('Colour');
    await page.getByTestId('np-option-values-0').fill('Black, White');
    await page.getByTestId('np-add-option').click();
    await page.getByTestId('np-option-name-1').fill('Size');
    await page.getByTestId('np-option-values-1').fill('S, M, L');
    await expect(page.getByTestId('np-matrix-count')).toHaveText('6 variants will be created');
    await screenshot(page, 'new-product-matrix');
    await page.getByTestId('np-create').click();
    await expect(page).toHaveURL(/#\/products\/\d+$/);
    await expect(page.getByTestId('variants-table').locator('tbody tr')).toHaveCount(6);
    productUrl = new URL(page.url()).hash;
    sku = await page.getByTestId('variants-table').locator('tbody tr').first().locator('input').first().inputValue();
    expect(sku).toMatch(/^E2EJ/);
  });

  await test.step('paste a block of prices from a spreadsheet into the grid, then undo it', async () => {
    await openApp(page, '/#/products');
    await page.getByTestId('products-search').fill('E2EJ');
    await expect(page.getByTestId('products-total')).toHaveText('6 variants');
    await expect(gridRows(page)).toHaveCount(6);
    await page.getByTestId('products-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="price"]').click();
    await pasteInto(page, '11.11\r\n22.22\r\n33.33\r\n');
    // 50.00 → 11.11 and 22.22 are more than −50 %: the old and new values are confirmed first.
    await expect(page.getByTestId('confirm-changes')).toContainText('$11.11');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => columnValues(page, 'price', 4)).toEqual(['$11.11', '$22.22', '$33.33', '$50.00']);
    await screenshot(page, 'products-pasted');
    await page.getByTestId('undo').click();
    await expect.poll(() => columnValues(page, 'price', 4)).toEqual(['$50.00', '$50.00', '$50.00', '$50.00']);
    await page.getByTestId('redo').click();
    await expect.poll(() => columnValues(page, 'price', 1)).toEqual(['$11.11']);
    await page.getByTestId('undo').click();
    await expect.poll(() => columnValues(page, 'price', 1)).toEqual(['$50.00']);
  });

  await test.step('order 10 from a supplier and receive 4 of them into the main warehouse', async () => {
    await openApp(page, '/#/purchasing/orders');
    await page.getByTestId('po-new').click();
    await page.getByTestId('po-lines-code-0').fill(sku);
    await page.getByTestId('po-lines-qty-0').fill('10');
    await page.getByTestId('po-create').click();
    await expect(page.getByTestId('po-detail')).toBeVisible();
    await expect(page.getByTestId('po-status')).toHaveText('Draft');
    await page.getByTestId('po-send').click();
    await expect(page.getByTestId('po-status')).toHaveText('Sent');
    await page.getByTestId(`receive-${sku}`).fill('4');
    await page.getByTestId('po-receive').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('po-status')).toHaveText('Partly received');
    const cells = page.getByTestId('po-lines').locator('tbody tr').first().locator('td');
    // ordered, received, outstanding
    await expect(cells.nth(2)).toHaveText('10');
    await expect(cells.nth(3)).toHaveText('4');
    await expect(cells.nth(4)).toHaveText('6');
    await screenshot(page, 'po-partly-received');
  });

  await test.step('transfer 3 to the second location and receive them there', async () => {
    await openApp(page, '/#/stock/transfers');
    await page.getByTestId('transfer-lines-code-0').fill(sku);
    await page.getByTestId('transfer-lines-qty-0').fill('3');
    await page.getByTestId('transfer-send').click();
    await expect(page.getByTestId('transfer-status')).toHaveText('In transit');
    await page.getByTestId('transfer-receive').click();
    await expect(page.getByTestId('transfer-status')).toHaveText('Received');
  });

  await test.step('count the main warehouse with a scanner: 2 found where 1 was expected, and post', async () => {
    await openApp(page, '/#/stock/stocktakes');
    await page.getByTestId('stocktake-open').click();
    await expect(page.getByTestId('stocktake-status')).toHaveText('Counting');
    const scan = page.getByTestId('stocktake-scan');
    await scan.fill(sku);
    await scan.press('Enter');
    await expect(page.getByTestId('stocktake-last-scan')).toContainText(`${sku} — E2E Trail Jacket: 1`);
    await scan.fill(sku);
    await scan.press('Enter');
    await expect(page.getByTestId('stocktake-last-scan')).toContainText(': 2');
    await page.getByTestId('stocktake-show').selectOption('variance');
    const line = page.getByTestId('stocktake-lines').locator('tbody tr', { hasText: sku });
    await expect(line.locator('td').nth(5).locator('input')).toHaveValue('2'); // counted
    await expect(line.locator('td').nth(6)).toHaveText('1'); // variance against the level when counted
    await expect(page.getByTestId('stocktake-totals')).toContainText('1 with a variance');
    await screenshot(page, 'stocktake-variance');
    await page.getByTestId('stocktake-post').click();
    await page.getByTestId('stocktake-post-confirm').click();
    await expect(page.getByTestId('stocktake-status')).toHaveText('Posted');
  });

  await test.step('the 360 view shows stock by location, incoming, and the ledger of it all', async () => {
    await openApp(page, `/${productUrl}/stock`);
    const stock = page.getByTestId('insights-stock');
    // Main warehouse: 4 received − 3 sent + 1 found = 2 on hand, 6 still incoming; second location: 3.
    const main = stock.locator('tbody tr', { hasText: sku }).filter({ hasText: 'Main warehouse' }).locator('td');
    await expect(main.nth(2)).toHaveText('2'); // on hand
    await expect(main.nth(5)).toHaveText('6'); // incoming
    const rowsOfSku = stock.locator('tbody tr', { hasText: sku });
    await expect(rowsOfSku.filter({ hasNotText: 'Main warehouse' }).filter({ hasNotText: 'In transit' }).first().locator('td').nth(2)).toHaveText('3');
    const ledger = page.getByTestId('insights-ledger');
    for (const reason of ['Stocktake', 'Transfer in', 'Transfer out', 'Received']) await expect(ledger).toContainText(reason);
    await screenshot(page, 'product-360');
    await page.getByTestId('product-tab-suppliers').click();
    await expect(page.getByTestId('insights-suppliers')).toBeVisible();
  });
});

// Import a GBK CSV with Chinese headers through the UI: the preview shows the
// rows that cannot be imported yet and why, the person maps the unrecognised
// price column, applies, finds the products, and undoes the whole import.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, readTotal, screenshot } from './helpers.js';

const gbkFile = join(import.meta.dirname, 'fixtures', 'products-gbk.csv');

test('import a GBK CSV with Chinese headers: preview with errors, fix the mapping, apply, see the products, undo', async ({ page }) => {
  test.setTimeout(90_000);

  await test.step('open the file: GB18030 detected, Chinese headers mapped, the price column not recognised', async () => {
    await openApp(page, '/#/imports');
    await expect(page.getByTestId('import-target')).toHaveValue('products');
    await page.getByTestId('import-file').setInputFiles(gbkFile);
    await expect(page.getByTestId('import-facts')).toContainText('products-gbk.csv');
    await expect(page.getByTestId('import-encoding')).toHaveValue('gb18030');
    await expect(page.getByTestId('import-mapping')).toContainText('羊毛围巾');
    await expect(page.getByTestId('import-map-0')).toHaveValue('title');
    await expect(page.getByTestId('import-map-3')).toHaveValue('sku');
    await expect(page.getByTestId('import-map-4')).toHaveValue('');
    // Product files may carry stock: where (optional, from the file by default) and when it was counted.
    await expect(page.getByTestId('import-location')).toContainText('— from the file —');
    await expect(page.getByTestId('import-stock-date')).toHaveValue('');
    await expect(page.getByTestId('import-outcome-error')).toContainText('3');
    await page.getByTestId('import-outcome-error').click();
    await expect(page.getByTestId('import-preview')).toContainText('Price: a value is needed here');
    await expect(page.getByTestId('import-apply-all')).toBeDisabled();
    await screenshot(page, 'import-preview-errors');
  });

  await test.step('download the rows with errors as a spreadsheet', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('import-errors-file').click();
    expect((await download).suggestedFilename()).toBe('products-gbk - errors.xlsx');
  });

  await test.step('map 活动价 to Price: every row becomes new, with its price shown', async () => {
    await page.getByTestId('import-map-4').selectOption('price');
    await expect(page.getByTestId('import-outcome-error')).toContainText('0');
    await expect(page.getByTestId('import-outcome-create')).toContainText('3');
    await page.getByTestId('import-outcome-all').click();
    await expect(page.getByTestId('import-preview')).toContainText('$129.00');
    await screenshot(page, 'import-preview-fixed');
  });

  await test.step('apply, and find the new products in the grid', async () => {
    await page.getByTestId('import-apply-all').click();
    // The confirmation states the counts before anything is written.
    await expect(page.getByTestId('confirm-dialog')).toContainText('Create 3 · update 0');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('import-applied')).toContainText('3 rows written');
    await screenshot(page, 'import-applied');
    await page.goto('/#/products');
    await page.getByTestId('products-search').fill('WS-');
    await expect.poll(() => readTotal(page)).toBe(2);
    await page.getByTestId('products-search').fill('BB-001');
    await expect.poll(() => readTotal(page)).toBe(1);
  });

  await test.step('undo the whole import from History', async () => {
    await page.goto('/#/history');
    const row = page.getByTestId('history-table').locator('tbody tr').filter({ hasText: 'Import of products-gbk.csv', hasNotText: 'Undo of' });
    await row.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('record(s) it created are removed');
    await page.getByTestId('confirm-ok').click();
    await expect(row).toContainText('Undone');
    await page.goto('/#/products');
    await page.getByTestId('products-search').fill('WS-');
    await expect(page.getByTestId('products-total')).toHaveText('0 variants');
  });
});

// What the Import page says about a file that is not a spreadsheet, how it
// shows a file's decimal mark beside its separator, and that it lets the core
// release the file when the person leaves the page.
import { expect, test } from '@playwright/test';
import { png } from '../unit/spreadsheets/sample-bytes.js';
import { openApp } from './helpers.js';

test('a picture renamed .xlsx is refused as not a spreadsheet; a semicolon file shows its decimal comma; leaving closes the import', async ({ page }) => {
  await openApp(page, '/#/imports');
  await page.getByTestId('import-file').setInputFiles({ name: 'price-list.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: png });
  const toast = page.getByRole('alert');
  await expect(toast).toContainText('price-list.xlsx is an image, not a spreadsheet; nothing was imported.');
  await expect(toast).toContainText('Choose the spreadsheet itself');
  await expect(page.getByTestId('import-facts')).toHaveCount(0);

  const file = 'Handle;Title;SKU;Price;Weight (kg)\ne2e-cup;E2E Cup;E2E-CUP-1;12,50;0,35\n';
  await page.getByTestId('import-file').setInputFiles({ name: 'produkte.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await expect(page.getByTestId('import-facts')).toContainText('Separator: semicolon');
  await expect(page.getByTestId('import-decimal-mark')).toHaveText('Decimals: comma (12,50)');
  await expect(page.getByTestId('import-outcome-error')).toContainText('0');

  const closing = page.waitForRequest((request) => request.method() === 'POST' && (request.postData() ?? '').includes('"method":"imports.close"'));
  await page.evaluate(() => {
    location.hash = '#/products';
  });
  const closed = await (await closing).response();
  expect(await closed?.json()).toEqual({ ok: true, value: { closed: true } });
});

// Numbers a person types are never silently reinterpreted (demo shop: USD,
// decimal mark automatic = point): 12,50 in a price cell is asked about and
// never stored as 1,250.00; letters and an emptied price say why, naming the
// SKU and the column; a +200 % price change shows old and new values first;
// a pasted 12,50 is asked about too; Undo/Redo shortcuts work after clicking
// the buttons. The reason reads in Chinese after switching language.
import { expect, test, type Page } from '@playwright/test';
import { gridRows, openApp, pasteInto, screenshot } from './helpers.js';

const prefix = 'E2ENUM';

function cell(page: Page, column: string) {
  return page.getByTestId('products-grid').locator(`.ag-row[row-index="0"] .ag-cell[col-id="${column}"]`);
}

/** Types into a grid cell as a person does: focus it, type (which opens the editor), Enter. */
async function typeInto(page: Page, column: string, text: string): Promise<void> {
  await cell(page, column).click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('typed and pasted numbers are asked about or refused with a reason, never silently reinterpreted', async ({ page }) => {
  test.setTimeout(120_000);
  let sku = '';

  await test.step('the New product form takes 1,299.00 as one thousand two hundred and ninety-nine', async () => {
    await openApp(page, '/#/products/new');
    await page.getByTestId('np-title').fill('E2E Numbers Mug');
    await page.getByTestId('np-sku-prefix').fill(prefix);
    await page.getByTestId('np-price').fill('1,299.00');
    await page.getByTestId('np-cost').fill('abc');
    await page.getByTestId('np-create').click();
    // Letters in Cost: the form says why and creates nothing.
    await expect(page.getByTestId('new-product-form').getByTestId('number-problem')).toHaveText('Enter a number such as 12.50.');
    await expect(page).toHaveURL(/#\/products\/new$/);
    await page.getByTestId('np-cost').fill('5');
    await page.getByTestId('np-create').click();
    await expect(page).toHaveURL(/#\/products\/\d+$/);
    await expect(page.getByTestId('variants-table').getByRole('textbox', { name: /Price$/ })).toHaveValue('1299.00');
  });

  await test.step('12,50 typed into the price cell is asked about; cancelling keeps $1,299.00', async () => {
    await openApp(page, '/#/products');
    await page.getByTestId('products-search').fill(prefix);
    await expect(gridRows(page)).toHaveCount(1);
    sku = ((await cell(page, 'sku').textContent()) ?? '').trim();
    expect(sku).toMatch(new RegExp(`^${prefix}`));
    await typeInto(page, 'price', '12,50');
    const ask = page.getByTestId('number-choice-dialog');
    await expect(ask).toContainText(`SKU ${sku} · Price: “12,50” can be read as $12.50 or as $1,250.00.`);
    await expect(ask.getByTestId('number-choice-1')).toHaveText('$12.50');
    await expect(ask.getByTestId('number-choice-0')).toHaveText('$1,250.00');
    // The reading that takes the comma as a decimal mark is offered first (and focused).
    await expect(ask.getByTestId('number-choice-1')).toBeFocused();
    await screenshot(page, 'numbers-ask-en');
    await ask.getByTestId('number-choice-cancel').click();
    await expect(ask).toHaveCount(0);
    await expect(cell(page, 'price')).toHaveText('$1,299.00');
  });

  await test.step('choosing 12.50 stores 12.50, after showing the large change from 1,299.00', async () => {
    await typeInto(page, 'price', '12,50');
    await page.getByTestId('number-choice-dialog').getByTestId('number-choice-1').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm.getByTestId('confirm-changes')).toContainText(`SKU ${sku} · Price`);
    await expect(confirm.getByTestId('confirm-changes')).toContainText('$1,299.00');
    await expect(confirm.getByTestId('confirm-changes')).toContainText('$12.50');
    await confirm.getByTestId('confirm-ok').click();
    await expect(cell(page, 'price')).toHaveText('$12.50');
    // Stored, not only shown: a fresh page reads it from the core.
    await page.reload();
    await page.getByTestId('products-search').fill(prefix);
    await expect(gridRows(page)).toHaveCount(1);
    await expect(cell(page, 'price')).toHaveText('$12.50');
  });

  await test.step('letters in Cost and an emptied Price say why, by SKU and column, and mark the cell', async () => {
    await typeInto(page, 'cost', 'abc');
    const problem = page.getByTestId('grid-problem');
    await expect(problem).toContainText(`SKU ${sku} · Cost: Enter a number such as 12.50. Nothing was saved.`);
    await expect(cell(page, 'cost')).toHaveClass(/cell-problem/);
    await expect(cell(page, 'cost')).toHaveText('$5.00');
    await screenshot(page, 'numbers-letters-en');
    await typeInto(page, 'price', '');
    await expect(problem).toContainText(`SKU ${sku} · Price: Enter a value: this cannot be empty.`);
    await expect(cell(page, 'price')).toHaveClass(/cell-problem/);
    await expect(cell(page, 'price')).toHaveText('$12.50');
  });

  await test.step("the core's refusal of a grid edit names the SKU and the column, and marks the cell", async () => {
    const taken = await page.evaluate(async () => {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'products.list', input: { limit: 1, sort: [{ column: 'sku', direction: 'asc' }] } }),
      });
      return ((await response.json()) as { value: { rows: { sku: string }[] } }).value.rows[0]?.sku ?? '';
    });
    expect(taken).not.toBe('');
    await typeInto(page, 'sku', taken);
    const problem = page.getByTestId('grid-problem');
    await expect(problem).toContainText(`SKU ${sku} · SKU: `);
    await expect(problem).toContainText('already used');
    await expect(problem).not.toContainText(/Cell \d|restart/);
    await expect(cell(page, 'sku')).toHaveClass(/cell-problem/);
    await expect(cell(page, 'sku')).toHaveText(sku);
  });

  await test.step('a +200 % price change shows the old and new values and asks first', async () => {
    await typeInto(page, 'price', '37.50');
    const confirm = page.getByTestId('confirm-dialog');
    const changes = confirm.getByTestId('confirm-changes');
    await expect(confirm).toContainText('This change is more than ±50 %');
    await expect(changes).toContainText('$12.50');
    await expect(changes).toContainText('$37.50');
    await expect(changes).toContainText('+200%');
    await screenshot(page, 'numbers-large-change-en');
    await confirm.getByTestId('confirm-cancel').click();
    await expect(cell(page, 'price')).toHaveText('$12.50');
    await typeInto(page, 'price', '37.50');
    await page.getByTestId('confirm-ok').click();
    await expect(cell(page, 'price')).toHaveText('$37.50');
    // A problem shown earlier goes once a value is taken.
    await expect(page.getByTestId('grid-problem')).toHaveCount(0);
  });

  await test.step('a pasted 12,50 is asked about too', async () => {
    await cell(page, 'price').click();
    await pasteInto(page, '12,50\r\n');
    const ask = page.getByTestId('number-choice-dialog');
    await expect(ask).toContainText('“12,50”');
    await ask.getByTestId('number-choice-1').click();
    await page.getByTestId('confirm-ok').click(); // 37.50 → 12.50 is −67 %
    await expect(cell(page, 'price')).toHaveText('$12.50');
  });

  await test.step('Undo after clicking the button, then Ctrl+Z and Ctrl+Y from the keyboard', async () => {
    await page.getByTestId('undo').click(); // the paste
    await expect(cell(page, 'price')).toHaveText('$37.50');
    await page.keyboard.press('Control+z'); // the +200 %
    await expect(cell(page, 'price')).toHaveText('$12.50');
    await page.keyboard.press('Control+y');
    await expect(cell(page, 'price')).toHaveText('$37.50');
    // Not while typing in the search box: there Ctrl+Y is the box's own, and the paste stays to redo.
    await page.getByTestId('products-search').press('Control+y');
    await expect(page.getByTestId('redo')).toBeEnabled();
    await expect(cell(page, 'price')).toHaveText('$37.50');
  });

  await test.step('in 简体中文 the reason is Chinese', async () => {
    await page.getByTestId('products-search').fill(prefix);
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(gridRows(page)).toHaveCount(1);
    await typeInto(page, 'cost', 'abc');
    await expect(page.getByTestId('grid-problem')).toContainText(`SKU ${sku} · 成本：请输入数字，例如 12.50。未保存任何内容。`);
    await typeInto(page, 'cost', '3,5');
    await expect(page.getByTestId('number-choice-dialog')).toContainText('您指的是哪个数？');
    await screenshot(page, 'numbers-ask-zh');
    await page.getByTestId('number-choice-cancel').click();
    await page.getByTestId('language-switch').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

// What the shop did reads in the reader's language: a price edited in the grid
// and a stock adjustment made in English, then read in 简体中文 — History rows,
// its export and the product's stock ledger (reasons, documents, notes, who) —
// hold no English words, only SKUs, codes, numbers and the shop's own names;
// switching back shows English again. Records are stored as keys and codes and
// rendered when read, so nothing written before the switch stays English.
// And on the Welcome screen, 简体中文 proposes CNY and Asia/Shanghai for a new shop.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { e2eToken } from './env.js';
import { gridRows, openApp, screenshot } from './helpers.js';
import { startServe } from './serve-process.js';

/**
 * Words left after taking out what may stay as it is in Chinese text: quoted
 * names (a product title, a tag), file names, SKUs and document codes
 * (RCV-0000012, BED-00014-KNG-BLU), numbers and money.
 */
function englishWords(text: string): string[] {
  const left = text
    .replace(/“[^”]*”/g, ' ')
    .replace(/[\w.-]+\.(csv|tsv|xlsx|xls|ods)\b/gi, ' ')
    .replace(/\b[A-Z0-9]+(?:[-_][A-Z0-9%]+)+\b/g, ' ')
    .replace(/\b(SKU|US\$|USD|CNY)\b/g, ' ');
  return left.match(/[A-Za-z]{2,}/g) ?? [];
}

async function expectChinese(cells: Locator, what: string): Promise<void> {
  const texts = await cells.allInnerTexts();
  expect(texts.length, what).toBeGreaterThan(0);
  for (const text of texts) expect(englishWords(text), `${what}: “${text}”`).toEqual([]);
}

async function toLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('History and the stock ledger read fully in Chinese after switching language, and in English again', async ({ page }) => {
  test.setTimeout(120_000);
  let sku = '';
  let productHref = '';
  let newPrice = '';
  let shownPrice = '';

  await test.step('edit a price in the Products grid (English)', async () => {
    await openApp(page, '/#/products');
    await expect(gridRows(page).first()).toBeVisible();
    const row = page.getByTestId('products-grid').locator('.ag-row[row-index="0"]');
    sku = ((await row.locator('.ag-cell[col-id="sku"]').textContent()) ?? '').trim();
    productHref = (await row.locator('.ag-cell[col-id="title"] a').getAttribute('href')) ?? '';
    expect(productHref).toMatch(/^#\/products\/\d+$/);
    const price = row.locator('.ag-cell[col-id="price"]');
    const before = Number(((await price.textContent()) ?? '').replace(/[^\d.]/g, ''));
    // A small change: no price-change confirmation is asked for.
    newPrice = (before + 1).toFixed(2);
    shownPrice = (before + 1).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await price.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(newPrice);
    await page.keyboard.press('Enter');
    await expect(price).toHaveText(`$${shownPrice}`);
  });

  await test.step('adjust its stock: 3 found', async () => {
    await openApp(page, '/#/stock');
    await page.getByTestId('stock-adjust-new').click();
    await page.getByTestId('adjust-sku').fill(sku);
    await page.getByTestId('adjust-quantity').fill('3');
    await page.getByTestId('adjust-reason').selectOption('found');
    await page.getByTestId('adjust-submit').click();
    await expect(page.getByTestId('adjust-dialog')).toHaveCount(0);
  });

  await test.step('in 简体中文, History says what happened and who did it in Chinese', async () => {
    await openApp(page, '/#/history');
    await toLanguage(page, 'zh-CN');
    const table = page.getByTestId('history-table');
    const newest = table.locator('tbody tr').first();
    await expect(newest).toContainText('修改了 1 个规格的 1 个单元格');
    await expect(newest.locator('td').nth(1)).toHaveText('店主');
    await expect(table).toContainText('演示数据生成器');
    await expect(table).toContainText('生成演示店铺');
    await expectChinese(table.locator('tbody td'), 'History row');
    await newest.locator('button.link').click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText('售价');
    await expect(detail).toContainText(`US$${shownPrice}`);
    await expectChinese(detail.locator('h2, td'), 'History detail');
    await screenshot(page, 'history-zh-CN');
  });

  await test.step('the History export in Chinese writes Chinese descriptions and names', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-xlsx').click();
    const file = readFileSync((await (await download).path()) ?? '');
    const book = XLSX.read(file, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 });
    expect(rows[0]).toEqual(['时间', '操作人', '内容', '改动数']);
    expect(rows[1]?.slice(1, 3)).toEqual(['店主', '修改了 1 个规格的 1 个单元格']);
    for (const row of rows.slice(1)) expect(englishWords(String(row[2] ?? '')), String(row[2])).toEqual([]);
  });

  await test.step('in 简体中文, the stock ledger names reasons, documents and people in Chinese', async () => {
    await page.goto(`/${productHref}/stock`);
    const ledger = page.getByTestId('insights-ledger');
    const newest = ledger.locator('tbody tr').filter({ hasText: sku }).first();
    await expect(newest.locator('td').nth(3)).toHaveText('+3');
    await expect(newest.locator('td').nth(4)).toHaveText('库存调整 · 找回');
    await expect(newest.locator('td').nth(6)).toHaveText('店主');
    await expect(ledger.locator('tbody')).toContainText('演示数据生成器');
    // Reason, document and who of every row (SKU and location are the shop's own names).
    const rows = ledger.locator('tbody tr');
    await expectChinese(rows.locator('td:nth-child(5), td:nth-child(6), td:nth-child(7)'), 'ledger row');
    await expectChinese(ledger.locator('thead th'), 'ledger header');
    await ledger.scrollIntoViewIfNeeded();
    await screenshot(page, 'stock-ledger-zh-CN');
  });

  await test.step("in 简体中文, the grid's own accessible labels are Chinese too", async () => {
    await page.goto('/#/products');
    const grid = page.getByTestId('products-grid');
    await expect(gridRows(page).first()).toBeVisible();
    await expect(grid.locator('.ag-floating-filter-button button').first()).toHaveAttribute('aria-label', '打开筛选菜单');
    await expect(grid.locator('.ag-row[row-index="0"] input[type="checkbox"]').first()).toHaveAttribute('aria-label', /按空格键/);
    await page.goBack();
  });

  await test.step('back in English, the same records read in English', async () => {
    await toLanguage(page, 'en');
    const ledger = page.getByTestId('insights-ledger');
    const newest = ledger.locator('tbody tr').filter({ hasText: sku }).first();
    await expect(newest.locator('td').nth(4)).toHaveText('Adjusted · Found');
    await expect(newest.locator('td').nth(6)).toHaveText('Owner');
    await expect(ledger.locator('tbody')).toContainText('Demo generator');
    await screenshot(page, 'stock-ledger-en');
    await page.goto('/#/history');
    const first = page.getByTestId('history-table').locator('tbody tr').first();
    await expect(first).toContainText('Edited 1 cell(s) on 1 variant(s)');
    await expect(first.locator('td').nth(1)).toHaveText('Owner');
  });
});

test('Welcome: 简体中文 proposes CNY and Asia/Shanghai; what the person chose stays when switching back', async ({ browser }) => {
  const serve = await startServe();
  const context = await browser.newContext({ baseURL: serve.origin, locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`/?token=${e2eToken}`);
    const currency = page.locator('select[name="currency"]');
    const zone = page.locator('select[name="timeZone"]');
    // English: this computer's zone and its region's currency.
    await expect(currency).toHaveValue('GBP');
    await expect(zone).toHaveValue('Europe/London');

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(currency).toHaveValue('CNY');
    await expect(zone).toHaveValue('Asia/Shanghai');
    await expect(zone.locator('option:checked')).toHaveText(/^Asia\/Shanghai（.*[\u4e00-\u9fff].*）$/);
    await screenshot(page, 'welcome-proposal-zh-CN');

    // The person picks a currency: switching language keeps it, the zone still follows.
    await currency.selectOption('HKD');
    await page.getByTestId('language-switch').selectOption('en');
    await expect(currency).toHaveValue('HKD');
    await expect(zone).toHaveValue('Europe/London');
  } finally {
    await context.close();
    await serve.stop();
  }
});

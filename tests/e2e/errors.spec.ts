// Errors name what and where, and never give wrong advice: an expected refusal
// (a SKU already taken, taking more than is on hand, a line that repeats an
// earlier one) says what is wrong and what to do, names the SKU / location /
// line the person sees, marks the field, and never says "restart Shopdesk" —
// in English and in 简体中文 (no English field names in the Chinese text).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

/** The newest error toast. */
function errorToast(page: Page): Locator {
  return page.locator('.toasts .toast-error').last();
}

async function toChinese(page: Page): Promise<void> {
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

/** No "name:" / "counted:" style English field names, and no restart advice, in a Chinese toast. */
async function expectChineseToast(toast: Locator): Promise<void> {
  const text = (await toast.innerText()).replace(/SKU/g, '');
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/[A-Za-z]{3,}\s*[:：]/);
  expect(text).not.toMatch(/重启|restart/i);
}

test.describe.serial('errors name what and where', () => {
  // A fresh SKU per run: the shop file may be reused by a rerun against the same server.
  const sku = `ERR${String(Date.now() % 1_000_000).padStart(6, '0')}`;

  test('a duplicate SKU names the SKU, marks the SKU field and does not mention restarting', async ({ page }) => {
    const createProduct = async (): Promise<void> => {
      await openApp(page, '/#/products/new');
      await page.getByTestId('np-title').fill(`Error check ${sku}`);
      await page.getByTestId('np-sku-prefix').fill(sku);
      await page.getByTestId('np-price').fill('10');
      await page.getByTestId('np-create').click();
    };
    await createProduct();
    await expect(page).toHaveURL(/#\/products\/\d+$/);

    await createProduct();
    const toast = errorToast(page);
    await expect(toast).toContainText(`SKU “${sku}” is already used by another variant.`);
    await expect(toast).not.toContainText(/restart|try again/i);
    const prefix = page.getByTestId('np-sku-prefix');
    await expect(prefix).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('np-sku-problem')).toContainText(sku);
    await screenshot(page, 'error-duplicate-sku-en');

    await toChinese(page);
    await expect(toast).toContainText(`SKU“${sku}”已被其他规格使用。`);
    await expectChineseToast(toast);
    await expect(page.getByTestId('np-sku-problem')).toContainText('已被其他规格使用');
    await screenshot(page, 'error-duplicate-sku-zh');
  });

  test('taking more than is on hand names the SKU and the location, and says what to do', async ({ page }) => {
    await openApp(page, '/#/stock');
    await page.getByTestId('stock-adjust-new').click();
    const dialog = page.getByTestId('adjust-dialog');
    await page.getByTestId('adjust-sku').fill(sku);
    const location = await dialog.locator('select').first().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    expect(location).not.toBe('');
    await page.getByTestId('adjust-quantity').fill('-5');
    await page.getByTestId('adjust-reason').selectOption('damage');
    await page.getByTestId('adjust-submit').click();

    const toast = errorToast(page);
    await expect(toast).toContainText(`Only 0 of ${sku} on hand at ${location}; 5 needed.`);
    await expect(toast).toContainText('record the real level first');
    await expect(toast).not.toContainText(/restart/i);
    await screenshot(page, 'error-insufficient-stock-en');

    await toChinese(page);
    await expect(toast).toContainText(`${location} 的 ${sku} 仅有 0 件，需要 5 件。`);
    await expectChineseToast(toast);
    await screenshot(page, 'error-insufficient-stock-zh');
  });

  test('a refused later line is named by its number on screen, with its SKU, and marked', async ({ page }) => {
    await openApp(page, '/#/stock/transfers');
    // Line 2 stays empty (it is not sent): the core's second line is the third on screen.
    await page.getByTestId('transfer-lines-code-0').fill(sku);
    await page.getByTestId('transfer-lines-qty-0').fill('1');
    await page.getByTestId('transfer-lines-add').click();
    await page.getByTestId('transfer-lines-add').click();
    await page.getByTestId('transfer-lines-code-2').fill(sku);
    await page.getByTestId('transfer-lines-qty-2').fill('2');
    await page.getByTestId('transfer-send').click();

    const toast = errorToast(page);
    await expect(toast).toContainText(`Line 3 (SKU ${sku}) · Item: This item is already on an earlier line.`);
    await expect(toast).not.toContainText('Line 2');
    await expect(toast).not.toContainText(/restart/i);
    await expect(page.getByTestId('transfer-lines-code-2')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('transfer-lines-code-0')).not.toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'error-later-line-en');

    await toChinese(page);
    await expect(toast).toContainText(`第 3 行（SKU ${sku}） · 商品：该商品已在前面的行中。`);
    await expectChineseToast(toast);
    await screenshot(page, 'error-later-line-zh');
  });
});

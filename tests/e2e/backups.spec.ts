// Backups in Chromium through serve mode, as the owner: Backup now lists a checked
// backup; a product made afterwards is gone once that backup is restored from the
// list (after a confirmation naming the backup and the shop it replaces); History's
// audit log shows the restore. Screenshots of the section in English and 简体中文.
import { expect, test, type Page } from '@playwright/test';
import { openApp, rpc, screenshot } from './helpers.js';

async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('the owner backs up, restores from the list, and sees the restore in History', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, '/#/settings');
  const section = page.getByTestId('backups-section');
  await expect(section).toBeVisible();
  const rows = section.getByTestId('backups-table').locator('tbody tr');
  const before = await rows.count();

  await section.getByTestId('backups-now').click();
  await expect(rows).toHaveCount(before + 1, { timeout: 60_000 });
  const newest = rows.first();
  const newestId = (await newest.getAttribute('data-testid'))?.replace('backup-', '') ?? '';
  expect(newestId).not.toBe('');

  // A change after the backup: a product the restore must take away again.
  const created = await rpc<{ id: number }>(page, 'products.create', { title: 'Made after the backup', price: 1500, skuPrefix: 'AFTER-BACKUP' });
  const found = () =>
    page.evaluate(async (productId) => {
      const response = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'products.get', input: { productId } }) });
      return ((await response.json()) as { ok: boolean }).ok ? 1 : 0;
    }, created.id);
  expect(await found()).toBe(1);

  await section.getByTestId(`backup-restore-${newestId}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  // The confirmation names what comes back and what it replaces.
  await expect(dialog).toContainText('products');
  await screenshot(page, 'backups-restore-confirm-en');
  await dialog.getByTestId('confirm-ok').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect.poll(found, { timeout: 30_000 }).toBe(0);

  await openApp(page, '/#/history/audit');
  const restoreRow = page.getByTestId('audit-row').filter({ hasText: 'Backup restored' });
  await expect(restoreRow.first()).toBeVisible();
  await expect(restoreRow.first()).toContainText('Owner');

  await openApp(page, '/#/settings');
  await expect(page.getByTestId('backups-section')).toBeVisible();
  await page.getByTestId('backups-section').scrollIntoViewIfNeeded();
  await screenshot(page, 'backups-section-en');
  await switchLanguage(page, 'zh-CN');
  await expect(page.getByTestId('backups-section')).toContainText('备份');
  await screenshot(page, 'backups-section-zh-CN');
  await switchLanguage(page, 'en');
});

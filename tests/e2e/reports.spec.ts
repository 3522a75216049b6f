// The weekly operations health report on the demo shop: generate the last
// complete week, see it listed, and download a PDF that has pages; the same
// week in Chinese is listed beside the English one instead of replacing it.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers.js';

test('weekly report: generate the last complete week, listed, the PDF has pages and the XLSX downloads', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '/#/analytics/reports');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  const week = page.getByTestId('reports-week');
  await expect(week).not.toHaveValue('');
  const monday = await week.inputValue();

  await page.getByTestId('reports-generate').click();
  await expect(page.getByText('Report saved in the reports folder.')).toBeVisible({ timeout: 60_000 });
  const id = `${monday}-en`;
  const row = page.getByTestId(`report-${id}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(monday);
  await screenshot(page, 'weekly-reports');

  const pdfDownload = page.waitForEvent('download');
  await row.getByTestId(`report-${id}-pdf`).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`weekly-report-${id}.pdf`);
  const bytes = readFileSync((await pdf.path()) ?? '');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(2);
  await expect(row.locator('td').nth(3)).toHaveText(String(pages));

  const xlsxDownload = page.waitForEvent('download');
  await row.getByTestId(`report-${id}-xlsx`).click();
  expect((await xlsxDownload).suggestedFilename()).toBe(`weekly-report-${id}.xlsx`);

  // The same week in Chinese: a second report, listed with its language; the English one stays.
  await page.getByTestId('reports-language').selectOption('zh-CN');
  await page.getByTestId('reports-generate').click();
  const chinese = page.getByTestId(`report-${monday}-zh-CN`);
  await expect(chinese).toContainText('简体中文', { timeout: 60_000 });
  await expect(row).toContainText('English');
});

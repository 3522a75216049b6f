// Shared steps for the e2e specs.
import { mkdirSync } from 'node:fs';
import { type Download, expect, type Locator, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium-options.js';
import { e2eToken } from './env.js';

export { chromiumLaunchOptions };

export const screensDir = 'test-results/screens';

/**
 * Visiting the tokened address sets the auth cookie and lands on `/`. Each test
 * starts in English whatever an earlier (possibly failed) test left behind.
 */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(`/?token=${e2eToken}`);
  if (path !== '/') await page.goto(path);
  await expect(page.getByTestId('shop-name')).toBeVisible();
  const language = page.getByTestId('language-switch');
  if ((await language.inputValue()) !== 'en') {
    await language.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: `${screensDir}/${name}.png` });
}

/** "12,345 variants" / "12,345 个规格" → 12345. */
export async function readTotal(page: Page): Promise<number> {
  const total = page.getByTestId('products-total');
  await expect(total).toHaveText(/\d/);
  const text = (await total.textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

export async function waitForTotalChange(page: Page, from: number): Promise<number> {
  await expect.poll(() => readTotal(page)).not.toBe(from);
  return readTotal(page);
}

/** Rendered body rows (AG Grid 36 puts pinned and centre cells in one row element). */
export function gridRows(page: Page): Locator {
  return page.getByTestId('products-grid').locator('.ag-row[row-index]');
}

export async function columnValues(page: Page, colId: string, count: number): Promise<string[]> {
  const values: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const cell = page
      .getByTestId('products-grid')
      .locator(`.ag-row[row-index="${index}"] .ag-cell[col-id="${colId}"]`);
    values.push(((await cell.textContent()) ?? '').trim());
  }
  return values;
}

/** "$1,234.56" or "US$1,234.56" → 1234.56 */
export function parseMoney(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** The dashboard's category mix as a table: clicks its first category, which opens that category's sales report. */
export async function openFirstMixCategory(page: Page): Promise<string> {
  const mix = page.getByTestId('category-mix');
  await mix.getByRole('button', { name: 'Show as table' }).click();
  const category = mix.locator('tbody a').first();
  const categoryName = (await category.textContent()) ?? '';
  await category.click();
  await expect(page.getByTestId('sales-report-category')).toContainText(categoryName);
  return categoryName;
}

/** What Ctrl+V does with a block copied from Excel: a paste event carrying tab-separated text. */
export async function pasteInto(page: Page, text: string): Promise<void> {
  await page.evaluate((clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** One core call from the page, through serve mode's /rpc with the page's auth cookie; a refusal throws with its error. */
export async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: name, input: body }) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, input] as const,
  );
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/**
 * Opens the Export menu and takes the file in `format`. A list that refreshes while the menu opens
 * (a promotion starting, a sync arriving) can swallow the first click, as it would a person's, who
 * clicks again: so does this, once.
 */
export async function exportFile(page: Page, format: 'csv' | 'xlsx'): Promise<Download> {
  for (let attempt = 1; ; attempt += 1) {
    const download = page.waitForEvent('download', { timeout: 30_000 });
    if ((await page.getByTestId('export-menu').getAttribute('open')) === null) await page.getByTestId('export-open').click();
    await page.getByTestId(`export-${format}`).click({ timeout: 10_000 });
    try {
      return await download;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

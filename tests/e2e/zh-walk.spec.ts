// Every dictionary-backed screen, walked in 简体中文 on a Chinese demo shop: a
// visible text (or accessible label, title, placeholder) made only of ASCII
// letters is an untranslated word — unless it is a code, a number, a brand or
// a file format a Chinese merchant reads as is (the allow-list below). The shop
// is generated in Chinese so its own data (titles, suppliers, locations) is
// Chinese too and the walk sees the UI's words, not the merchant's.
import { expect, test as base, type Page } from '@playwright/test';
import { e2eToken } from './env.js';
import { screenshot } from './helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../emulators/shopify/server.js';

/** Words a Chinese UI shows in Latin letters on purpose. */
const allowedWords = new Set(
  [
    'Shopdesk', 'Shopify', 'WooCommerce', 'Vendure', 'Excel', 'WPS', 'LibreOffice', 'English',
    'SKU', 'SKUs', 'PO', 'ID', 'URL', 'API', 'GTIN', 'EAN', 'UPC', 'ABC', 'XYZ', 'RFM', 'GMV', 'AOV', 'COGS', 'LTV', 'KPI',
    'XLSX', 'XLS', 'CSV', 'TSV', 'ODS', 'PDF', 'UTF', 'GBK', 'GB18030', 'BOM',
    'Alt', 'Ctrl', 'Shift', 'Enter', 'Esc', 'Tab', 'Cmd', 'Z', 'Y',
    'A', 'B', 'C', 'x', 'vs',
  ].map((word) => word.toLowerCase()),
);

/** Codes and values that are not words: SKUs, document numbers, currency codes, e-mails, file names, times. */
const codeLike = [
  /^[A-Z]{3}$/, // currency codes (CNY, USD)
  /^[A-Za-z0-9]+(?:[-_./:][A-Za-z0-9]+)+$/, // SKU-like and document numbers: TS-001-BLK, PO-000001, RCV-2026-0001
  /^[A-Z]*\d[A-Z0-9]*$/i, // codes with digits: A1, 8183, W12
  /@/, // e-mail addresses
  /\.(xlsx|xls|csv|tsv|ods|pdf)$/i,
  /^[A-Z]{1,3}\d*$/, // bins and classes: A, B2
];

function isAllowed(text: string): boolean {
  if (codeLike.some((pattern) => pattern.test(text))) return true;
  const words = text.match(/[A-Za-z]+/g) ?? [];
  return words.every((word) => allowedWords.has(word.toLowerCase()) || codeLike.some((pattern) => pattern.test(word)));
}

/** Visible text nodes and labels that are ASCII-only with letters in them. */
async function asciiTexts(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const texts: string[] = [];
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!parent || text === '' || parent.closest('script, style, [data-i18n-skip]')) continue;
      if (visible(parent)) texts.push(text);
    }
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!visible(element) || element.closest('[data-i18n-skip]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
  return [...new Set(found.filter((text) => /^[\x20-\x7e\s]+$/.test(text) && /[A-Za-z]{2,}/.test(text)))];
}

const test = base.extend<{ shop: ServeProcess; shopify: ShopifyEmulator }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies (none here).
  shop: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    await serve.stop();
  },
  // A Shopify shop to connect, so the Channels screens are walked with a real channel on them.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies (none here).
  shopify: async ({}, use) => {
    const emulator = await startShopifyEmulator();
    await use(emulator);
    await emulator.stop();
  },
});

test('every screen reads in 简体中文', async ({ browser, shop, shopify }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: shop.origin, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`/?token=${e2eToken}`);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await page.getByRole('button', { name: '打开演示店铺' }).click();
  await expect(page.getByTestId('demo-badge')).toHaveText('演示店铺', { timeout: 120_000 });

  const rpc = async (method: string, input: unknown): Promise<unknown> =>
    page.evaluate(
      async ([name, body]) => {
        const response = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: name, input: body }) });
        const envelope = (await response.json()) as { ok: boolean; value?: unknown };
        return envelope.value;
      },
      [method, input] as const,
    );
  const firstRow = async (method: string, field: string): Promise<number | null> => {
    const answer = (await rpc(method, {})) as { rows?: Record<string, unknown>[] } | undefined;
    const value = answer?.rows?.[0]?.[field];
    return typeof value === 'number' ? value : null;
  };

  const productId = await firstRow('products.list', 'productId');
  const orderId = await firstRow('purchaseOrders.list', 'id');
  const transferId = await firstRow('transfers.list', 'id');
  const stocktakeId = await firstRow('stocktakes.list', 'id');
  const promotionId = await firstRow('promotions.list', 'id');
  // A connected Shopify channel (the emulator, under Chinese names) with its catalogue read.
  const sample = ((await rpc('products.list', { offset: 0, limit: 2 })) as { rows?: { sku: string; title: string; price: number }[] } | undefined)?.rows ?? [];
  shopify.sideDoor.setShopName('北风网店');
  shopify.sideDoor.addLocation('主仓库');
  for (const row of sample) shopify.sideDoor.addProduct(row.title, [{ sku: row.sku, title: '默认', price: (row.price / 100).toFixed(2) }]);
  const connected = (await rpc('channels.connect', {
    kind: 'shopify',
    name: '北风网店',
    connection: { shopDomain: 'zh-walk.myshopify.com', baseUrl: shopify.url },
    credentials: { accessToken: shopify.accessToken },
  })) as { id: number } | undefined;
  const channelId = connected?.id ?? null;
  if (channelId) {
    const scan = (await rpc('links.scan', { channelId })) as { jobId: string } | undefined;
    await expect
      .poll(async () => ((await rpc('jobs.list', {})) as { jobs: { id: string; status: string }[] }).jobs.find((job) => job.id === scan?.jobId)?.status)
      .toBe('succeeded');
  }
  const routes = [
    'products',
    'products/new',
    // The product page's tabs: the ledger sits on Stock, the charts on Sales.
    ...(productId ? ['', '/details', '/stock', '/sales', '/suppliers'].map((tab) => `products/${productId}${tab}`) : []),
    'stock/levels',
    'stock/transfers',
    ...(transferId ? [`stock/transfers/${transferId}`] : []),
    'stock/stocktakes',
    ...(stocktakeId ? [`stock/stocktakes/${stocktakeId}`] : []),
    'stock/valuation',
    'purchasing/orders',
    ...(orderId ? [`purchasing/orders/${orderId}`] : []),
    'purchasing/reorder',
    'purchasing/suppliers',
    'purchasing/scorecard',
    'analytics',
    'analytics/sales',
    'analytics/products',
    'analytics/inventory',
    'analytics/customers',
    'analytics/returns',
    'analytics/reports',
    'analytics/alerts',
    'imports',
    'history',
    'settings',
    'channels',
    'channels/review',
    ...(channelId ? ['', '/links', '/review', '/log'].map((tab) => `channels/${channelId}${tab}`) : []),
    'promotions',
    'promotions/calendar',
    'promotions/results',
    'promotions/settings',
    'promotions/new',
    ...(promotionId ? ['', '/simulation', '/evaluation', '/edit'].map((tab) => `promotions/${promotionId}${tab}`) : []),
  ];

  const untranslated: string[] = [];
  for (const route of routes) {
    await page.goto(`/#/${route}`);
    await expect(page.locator('h1').first()).toBeVisible();
    // Let the page finish loading: no loading indicator left and the network quiet.
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    await screenshot(page, `zh-walk-${route.replace(/\//g, '-')}`);
    for (const text of await asciiTexts(page)) {
      if (!isAllowed(text)) untranslated.push(`${route}: ${JSON.stringify(text)}`);
    }
  }
  // Dialogs and menus too: bulk edit, the column chooser, a stock adjustment.
  const opened: { route: string; open: string; name: string }[] = [
    { route: 'products', open: 'bulk-open', name: 'bulk-dialog' },
    { route: 'products', open: 'column-chooser-open', name: 'column-chooser' },
    { route: 'stock/levels', open: 'stock-adjust-new', name: 'adjust-dialog' },
    { route: 'channels', open: 'channel-connect-open', name: 'connect-dialog' },
    { route: 'promotions/calendar', open: 'cal-add-key-date', name: 'key-date-dialog' },
  ];
  for (const { route, open, name } of opened) {
    await page.goto(`/#/${route}`);
    await page.getByTestId(open).click();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `zh-walk-${name}`);
    for (const text of await asciiTexts(page)) {
      if (!isAllowed(text)) untranslated.push(`${route} (${name}): ${JSON.stringify(text)}`);
    }
    await page.keyboard.press('Escape');
  }
  expect(untranslated, `Untranslated text on screens in 简体中文:\n${untranslated.join('\n')}`).toEqual([]);
  await context.close();
});

// Marketplace sync through the Channels screens (issue 14), against the Shopify
// emulator running inside this Playwright process: connect a channel (the emulator's
// address goes in the dialog's Advanced "API address (tests)" field), read its
// catalogue and link the matches, take an order in, send a local stock change out,
// settle a price conflict in the review queue and see a refused order as a failed
// item with its reason. Screens are saved in English and 简体中文 to /tmp/shots/.
//
// What the test does outside the UI, and why: it seeds and edits the emulated shop
// through the emulator's side door (it stands for the merchant's Shopify admin), edits
// one local price through the API (the product grid's editing has its own spec) and
// reads figures through the API to know the expected numbers.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startShopifyEmulator, type ShopifyEmulator } from '../emulators/shopify/server.js';
import { openApp, rpc } from './helpers.js';

const shotsDir = '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
}

interface Variant {
  variantId: number;
  sku: string;
  title: string;
  price: number;
  onHand: number;
  /** Archived variants are never matched to a channel's products. */
  status: string;
}
interface Level {
  variantId: number;
  sku: string;
  committed: number;
  available: number;
}
interface Job {
  id: string;
  status: string;
}

/** What Shopdesk has available to sell of a SKU over every location (what "all local stock" offers). */
async function localAvailable(page: Page, sku: string): Promise<{ available: number; committed: number }> {
  const { rows } = await rpc<{ rows: Level[] }>(page, 'stock.levels', { search: sku, limit: 200 });
  const mine = rows.filter((row) => row.sku === sku);
  return { available: mine.reduce((sum, row) => sum + row.available, 0), committed: mine.reduce((sum, row) => sum + row.committed, 0) };
}

/** Sync now on the open channel page, then wait for that job to end. */
async function syncNow(page: Page): Promise<void> {
  const before = new Set((await rpc<{ jobs: Job[] }>(page, 'jobs.list', {})).jobs.map((job) => job.id));
  const button = page.getByTestId('channel-head').getByTestId('channel-sync-now');
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await expect
    .poll(
      async () => {
        const jobs = (await rpc<{ jobs: Job[] }>(page, 'jobs.list', {})).jobs.filter((job) => !before.has(job.id));
        return jobs.length > 0 && jobs.every((job) => job.status !== 'running');
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect(button).toBeEnabled({ timeout: 30_000 });
}

const money = (minor: number): string => (minor / 100).toFixed(2);

test.describe.configure({ mode: 'serial' });

let shopify: ShopifyEmulator;
test.beforeAll(async () => {
  shopify = await startShopifyEmulator();
});
test.afterAll(async () => {
  await shopify.stop();
});

test('a Shopify channel: connect, link, orders in, stock and prices out, review queue', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, '/#/channels');
  const side = shopify.sideDoor;

  // The emulated shop sells three of our products (same SKUs and prices) and one of its own.
  const candidates = (await rpc<{ rows: Variant[] }>(page, 'products.list', { offset: 0, limit: 200 })).rows.filter((row) => row.status === 'active' && row.onHand > 5 && row.price > 0);
  const picked = candidates.slice(0, 3);
  expect(picked).toHaveLength(3);
  const [orderVariant, stockVariant, priceVariant] = picked as [Variant, Variant, Variant];
  // Not on the channel: the product an unknown order line gets linked to from the review queue.
  const linkTarget = candidates[3] as Variant;
  side.setShopName('E2E Corner Store');
  const remoteLocation = side.addLocation('Harbor warehouse');
  const remote = new Map<string, { variantGid: string; itemGid: string }>();
  for (const variant of picked) {
    const seeded = side.addProduct(variant.title, [{ sku: variant.sku, price: money(variant.price), stock: { [remoteLocation]: 0 } }]);
    const first = seeded.variants[0];
    if (first) remote.set(variant.sku, { variantGid: first.id, itemGid: first.inventoryItemId });
  }
  side.addProduct('E2E Harbor Mug', [{ sku: 'E2E-HARBOR-MUG', price: '12.00' }]);

  // The Channels page, then the connect dialog.
  await expect(page.getByRole('heading', { name: 'Channels' })).toBeVisible();
  await page.getByTestId('channel-connect-open').click();
  const dialog = page.getByTestId('connect-dialog');
  // WooCommerce over plain http to another host: refused at the site address field.
  await dialog.getByTestId('connect-kind-woocommerce').check();
  await dialog.getByTestId('connect-siteUrl').fill('http://shop.example.com');
  await dialog.getByTestId('connect-consumerKey').fill('ck_test');
  await dialog.getByTestId('connect-consumerSecret').fill('cs_test');
  await dialog.getByTestId('connect-test').click();
  await expect(dialog.getByTestId('connect-problem-siteUrl')).toContainText('https://');
  await expect(dialog.getByTestId('connect-consumerSecret')).toHaveAttribute('type', 'password');
  await dialog.getByTestId('connect-kind-shopify').check();
  await expect(dialog.getByTestId('connect-problem-siteUrl')).toHaveCount(0);
  await dialog.getByTestId('connect-name').fill('E2E Shopify');
  await dialog.getByTestId('connect-shopDomain').fill('e2e-corner.myshopify.com');
  await dialog.getByTestId('connect-accessToken').fill(shopify.accessToken);
  await expect(dialog.getByTestId('connect-accessToken')).toHaveAttribute('type', 'password');
  await expect(dialog.getByTestId('connect-apiVersion')).toHaveValue('2026-04');
  await dialog.getByText('Advanced').click();
  // Plain http to another host is refused at the field, before anything is sent.
  await dialog.getByTestId('connect-baseUrl').fill('http://shop.example.com');
  await dialog.getByTestId('connect-test').click();
  await expect(dialog.getByTestId('connect-problem-baseUrl')).toContainText('https://');
  await dialog.getByTestId('connect-baseUrl').fill(shopify.url);
  // A wrong token: the reason, in words, beside the button.
  await dialog.getByTestId('connect-accessToken').fill('shpat_wrong');
  await dialog.getByTestId('connect-test').click();
  await expect(dialog.getByTestId('connect-failed')).toContainText('Shopify refused the access token');
  await dialog.getByTestId('connect-accessToken').fill(shopify.accessToken);
  await dialog.getByTestId('connect-test').click();
  await expect(dialog.getByTestId('connect-failed')).toHaveCount(0);
  await expect(dialog.getByTestId('connect-found')).toContainText('E2E Corner Store');
  await shot(page, 'en-connect-dialog');
  await expect(dialog.getByTestId('connect-found')).toContainText('locations 1, products 4');
  await dialog.getByTestId('connect-submit').click();
  await expect(page).toHaveURL(/#\/channels\/\d+\/links/);
  const channelId = Number(/#\/channels\/(\d+)/.exec(page.url())?.[1]);

  // Read the catalogue: three matches by SKU, one only on the channel; link all matched.
  await page.getByTestId('links-scan').click();
  await expect(page.getByTestId('links-filter-matched')).toContainText('3', { timeout: 30_000 });
  await expect(page.getByTestId('links-filter-remoteOnly')).toContainText('1');
  await expect(page.getByTestId('link-row')).toHaveCount(3);
  await shot(page, 'en-link-table');
  await page.getByTestId('links-link-all').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Link 3 matched products?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('links-filter-linked')).toContainText('3');

  // First sync: every linked product's stock goes out.
  await page.getByTestId('channel-tab-settings').click();
  await syncNow(page);
  for (const variant of picked) {
    const ids = remote.get(variant.sku);
    if (!ids) throw new Error(variant.sku);
    const { available } = await localAvailable(page, variant.sku);
    await expect.poll(() => side.available(ids.itemGid, remoteLocation)).toBe(available);
  }

  // An order placed on Shopify arrives: the channel counts it, the product's committed stock grows.
  const committedBefore = (await localAvailable(page, orderVariant.sku)).committed;
  side.createOrder([{ sku: orderVariant.sku, quantity: 2 }]);
  await syncNow(page);
  await expect(page.getByTestId('channel-pulled-today')).not.toHaveText('0');
  await expect.poll(async () => (await localAvailable(page, orderVariant.sku)).committed).toBe(committedBefore + 2);
  await page.goto('/#/stock/levels');
  await page.getByTestId('stock-search').fill(orderVariant.sku);
  const committedCells = page.getByTestId('stock-levels').locator('tbody tr').filter({ hasText: orderVariant.sku }).locator('td:nth-child(6)');
  await expect
    .poll(async () => (await committedCells.allTextContents()).reduce((sum, text) => sum + Number(text.replace(/[^\d-]/g, '') || 0), 0))
    .toBe(committedBefore + 2);

  // A stock change made here (Stock page → Adjust) reaches Shopify.
  await page.getByTestId('stock-adjust-new').click();
  await page.getByTestId('adjust-sku').fill(stockVariant.sku);
  await page.getByTestId('adjust-quantity').fill('5');
  await page.getByTestId('adjust-submit').click();
  await expect(page.getByTestId('adjust-dialog')).toHaveCount(0);
  await page.goto(`/#/channels/${channelId}`);
  await syncNow(page);
  const stockIds = remote.get(stockVariant.sku);
  if (!stockIds) throw new Error(stockVariant.sku);
  const offered = (await localAvailable(page, stockVariant.sku)).available;
  await expect.poll(() => side.available(stockIds.itemGid, remoteLocation)).toBe(offered);

  // Keep 2 back for the shop: the channel is offered 2 fewer of everything.
  await page.getByTestId('channel-buffer').fill('2');
  await page.getByTestId('channel-settings-save').click();
  await expect(page.getByText('Channel settings saved.')).toBeVisible();
  await syncNow(page);
  await expect.poll(() => side.available(stockIds.itemGid, remoteLocation)).toBe(offered - 2);
  // One product gets its own rule: half of what is left after the channel's 2 kept back.
  await page.getByTestId('channel-tab-links').click();
  await page.getByTestId('links-filter-linked').click();
  await page.locator(`[data-testid="link-row"][data-sku="${stockVariant.sku}"]`).getByTestId('link-rule').click();
  await page.getByTestId('variant-rule-share').fill('50');
  await page.getByTestId('variant-rule-save').click();
  await expect(page.getByText('Rule saved. Stock will be sent again.')).toBeVisible();
  await syncNow(page);
  await expect.poll(() => side.available(stockIds.itemGid, remoteLocation)).toBe(Math.floor((offered - 2) / 2));
  await page.getByTestId('channel-tab-settings').click();

  // The same price changed here and on Shopify: a conflict with the three values side by side.
  const priceIds = remote.get(priceVariant.sku);
  if (!priceIds) throw new Error(priceVariant.sku);
  const remotePrice = priceVariant.price + 300;
  const localPrice = priceVariant.price + 100;
  side.setPrice(priceIds.variantGid, { price: money(remotePrice) });
  await rpc(page, 'variants.update', { variantId: priceVariant.variantId, changes: { price: localPrice } });
  await syncNow(page);
  await page.getByTestId('channel-tab-review').click();
  const conflict = page.locator('[data-testid="review-item"][data-kind="conflict"]');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('review-reason')).toContainText('changed both in Shopdesk and on the channel');
  await expect(conflict.getByTestId('review-last-synced')).toContainText(money(priceVariant.price));
  await expect(conflict.getByTestId('review-local')).toContainText(money(localPrice));
  await expect(conflict.getByTestId('review-remote')).toContainText(money(remotePrice));
  await shot(page, 'en-review-queue');
  await conflict.getByTestId('review-acceptLocal').click();
  await expect(page.locator('[data-testid="review-item"][data-kind="conflict"]')).toHaveCount(0);
  await syncNow(page);
  await expect.poll(() => side.variant(priceIds.variantGid).price).toBe(money(localPrice));

  // An order for the channel's own mug (not linked): its line waits for review, and "Link to…" links it.
  side.createOrder([{ sku: 'E2E-HARBOR-MUG', quantity: 1 }]);
  await syncNow(page);
  await page.getByTestId('channel-tab-review').click();
  const line = page.locator('[data-testid="review-item"][data-kind="unlinked_line"]');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('review-reason')).toContainText('E2E-HARBOR-MUG');
  await line.getByTestId('review-link').click();
  const picker = page.getByTestId('link-picker');
  await picker.getByTestId('link-picker-code').fill(linkTarget.sku);
  await picker.getByTestId('link-picker-ok').click();
  await expect(picker.getByTestId('link-picker-found')).toContainText(linkTarget.sku);
  await picker.getByTestId('link-picker-ok').click();
  await expect(line).toHaveCount(0);
  await expect(page.getByTestId('channel-links')).toHaveText('4');

  // An order Shopdesk cannot take (a quantity beyond any stock) becomes a failed item with its reason.
  side.createOrder([{ sku: orderVariant.sku, quantity: 5_000_000 }]);
  await syncNow(page);
  await page.getByTestId('channel-tab-review').click();
  const failed = page.locator('[data-testid="review-item"][data-kind="failed_item"]');
  await expect(failed.first()).toBeVisible();
  await expect(failed.first().getByTestId('review-reason')).toContainText('could not be read');
  // Shopify stops accepting the token: the channel shows it is failing, and why, in words.
  side.failNext(3, 401);
  await syncNow(page);
  await expect(page.getByTestId('channel-head').getByTestId('channel-status')).toHaveText('Failing');
  await expect(page.getByTestId('channel-head').getByTestId('channel-last-error')).toContainText('Shopify refused the access token');
  side.clearFaults();
  // The saved connection tests fine again, and new keys can be given without reconnecting.
  await page.getByTestId('channel-tab-settings').click();
  const connection = page.getByTestId('channel-connection');
  await expect(connection).toContainText('e2e-corner.myshopify.com');
  await connection.getByTestId('channel-test').click();
  await expect(connection.getByTestId('channel-test-result')).toContainText('Connected to E2E Corner Store');
  await connection.locator('input[type="password"]').fill(shopify.accessToken);
  await connection.getByRole('button', { name: 'Replace keys' }).click();
  await expect(page.getByText('New keys saved.')).toBeVisible();
  await page.goto('/#/channels');
  const row = page.locator(`[data-channel-id="${channelId}"]`);
  await expect(row.getByTestId('channel-review-count')).toContainText('failed');
  await expect(row.getByTestId('channel-last-error')).toContainText('Shopify refused the access token');
  await shot(page, 'en-channels');
  await page.goto(`/#/channels/${channelId}`);
  await shot(page, 'en-channel');
  await page.goto(`/#/channels/${channelId}/log`);
  await expect(page.getByTestId('log-row').first()).toBeVisible();
  await shot(page, 'en-sync-log');
  // The log exports as the screen reads it: summaries in words, not keys.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sync log.csv');
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv).toContain('Orders read:');
  expect(csv).not.toContain('sync.log.');
  expect(csv).not.toContain(shopify.accessToken);

  // The same screens in 简体中文.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/#/channels');
  await expect(page.getByRole('heading', { name: '渠道' })).toBeVisible();
  await shot(page, 'zh-channels');
  await page.goto(`/#/channels/${channelId}`);
  await shot(page, 'zh-channel');
  await page.goto(`/#/channels/${channelId}/links`);
  await page.getByTestId('links-filter-linked').click();
  await shot(page, 'zh-link-table');
  await page.goto(`/#/channels/${channelId}/review`);
  await page.getByTestId('review-status').selectOption('resolved');
  await shot(page, 'zh-review-resolved');
  await page.getByTestId('review-status').selectOption('open');
  await shot(page, 'zh-review-queue');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Unlink one product (it stays in Shopdesk), then disconnect: links go, the channel and its orders stay.
  await page.goto(`/#/channels/${channelId}/links`);
  await page.getByTestId('links-filter-linked').click();
  await page.locator(`[data-testid="link-row"][data-sku="${linkTarget.sku}"]`).getByTestId('link-unlink').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Unlink ${linkTarget.sku}?`);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('links-filter-linked')).toContainText('3');
  await page.getByTestId('channel-tab-settings').click();
  await page.getByTestId('channel-disconnect').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('orders stay in Shopdesk');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('channel-head').getByTestId('channel-status')).toHaveText('Disconnected');
  await expect(page.getByTestId('channel-links')).toHaveText('0');

  // Its keys went with it; entering them again connects the same channel again.
  const again = page.getByTestId('channel-connection');
  await expect(again.getByTestId('channel-test')).toHaveCount(0);
  await again.locator('input[type="password"]').fill(shopify.accessToken);
  await again.getByTestId('channel-save-keys').click();
  await expect(page.getByTestId('channel-head').getByTestId('channel-status')).not.toHaveText('Disconnected');
});

// Every Analytics tab, Purchasing → Reorder and the promotion results as a
// person sees them: serve mode in Chromium at 1440×900 on the large demo shop,
// from the click to the frame after the first screen's content is painted.
//
// "First screen" = what shows at 1440×900 without scrolling: the tab's own
// content is there (its `content` selectors) and nothing inside the viewport
// is still a skeleton, a spinner, a dimmed busy panel or a KPI reading "…".
// Below-the-fold panels do not count (they may load after, or on scroll); the
// time until the whole page has loaded is printed beside it for reference, with
// the calls the page made and how long each took as seen by the page, so a slow
// tab names the core call behind it.
//   tsx tests/bench/analytics-ui.ts <copy-of-large.db> [rendererDir]
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createCore, type Core } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { startServer } from '../../src/server/http-server.js';
import { fixedClock } from '../../src/shared/clock.js';
import { chromiumLaunchOptions } from '../chromium-options.js';
import { median, ms, printTable, ratio } from './measure.js';

/** The large demo shop's "now" (it was generated with it): the browser and the core both live on it. */
export const largeShopNow = '2026-11-20T12:00:00.000Z';
const token = 'bench-token-0123456789abcdef';
const viewport = { width: 1440, height: 900 };
/** A tab that has not painted its first screen after this long is reported as over it. */
const giveUpMs = 60_000;

interface Tab {
  name: string;
  /** Where the click starts from (a hash route), fully loaded and idle first. */
  from: string;
  /** What must be on screen before the click (the page `from` shows). */
  fromReady: string;
  /** The element clicked. */
  click: string;
  /** The tab's root: the check never passes on the page clicked from. */
  root: string;
  /** At least one of these (comma-separated selectors) shows real content. */
  content: string;
  /** And, where the old content stays on screen while the new loads, a text only the new one has. */
  contentText?: { selector: string; includes: string };
}

const tabs: readonly Tab[] = [
  { name: 'Analytics → Dashboard', from: '#/settings', fromReady: '[data-testid="settings-form"]', click: '[data-testid="nav-analytics"]', root: '[data-testid="dashboard"]', content: '[data-testid="sales-trend-chart"] .recharts-line, [data-testid="sales-trend-table"] tbody tr' },
  { name: 'Dashboard → 365 days', from: '#/analytics', fromReady: '[data-testid="sales-trend-chart"] .recharts-line', click: '[data-testid="period-last365"]', root: '[data-testid="period-last365"].active', content: '[data-testid="sales-trend-chart"] .recharts-line',
    // The 30-day trend stays on screen (dimmed) until the year's comes: its first week is in 2025.
    // The 30 days' figures stay on screen (dimmed) until the year's come: the year's are compared with 2024.
    contentText: { selector: '[data-testid="dashboard-period"]', includes: '2024-11-21' } },
  { name: 'Analytics → Sales', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-sales"]', root: '[data-testid="sales-report"]', content: '[data-testid="sales-report-table"] .ag-row, [data-testid="sales-report-table-empty"]' },
  { name: 'Analytics → Products', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-products"]', root: '[data-testid="products-report"]', content: '[data-testid="health-by-category"], [data-testid="health-by-category-empty"]' },
  { name: 'Analytics → Inventory', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-inventory"]', root: '[data-testid="inventory-report"]', content: '[data-testid="inventory-stockOutRate"] .kpi-value' },
  { name: 'Analytics → Customers', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-customers"]', root: '[data-testid="customers-report"]', content: '[data-testid="segments-table"], [data-testid="segments-empty"]' },
  { name: 'Analytics → Returns', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-returns"]', root: '[data-testid="returns-report"]', content: '[data-testid="returns-total"], [data-testid="returns-reasons-empty"]' },
  { name: 'Analytics → Reports', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-reports"]', root: '[data-testid="reports-page"]', content: '[data-testid="reports-table"], [data-testid="reports-page"] .empty-state' },
  { name: 'Analytics → Alerts', from: '#/analytics', fromReady: '[data-testid="dashboard"]', click: '[data-testid="analytics-tab-alerts"]', root: '[data-testid="alerts-page"]', content: '[data-testid="alerts-page"] .card, [data-testid="alerts-page"] .empty-state' },
  { name: 'Purchasing → Reorder', from: '#/purchasing', fromReady: '[data-testid="purchasing-tab-reorder"]', click: '[data-testid="purchasing-tab-reorder"]', root: '[data-testid="reorder"]', content: '[data-testid="reorder-group"], [data-testid="reorder"] .empty-state' },
  { name: 'Promotions → Results', from: '#/promotions', fromReady: '[data-testid="promotions-tab-results"]', click: '[data-testid="promotions-tab-results"]', root: '[data-testid="promo-results"]', content: '[data-testid="promo-results-grid"] .ag-row, [data-testid="promo-results-grid-empty"]' },
  { name: 'Promotion → Evaluation (ended)', from: '#/promotions/6', fromReady: '[data-testid="promo-tab-evaluation"]', click: '[data-testid="promo-tab-evaluation"]', root: '[data-testid="promo-evaluation"]', content: '[data-testid="promo-eval-figures"], [data-testid="promo-eval-state"]' },
];

export interface TabFigure {
  tab: string;
  /** Click → the frame after the first screen's content painted. */
  firstScreenMs: number;
  /** Click → nothing on the whole page loading any more (null: not within the limit). */
  wholePageMs: number | null;
  /** The calls the page made after the click: method, start and duration (ms, from the click). */
  calls: { method: string; startMs: number; durationMs: number }[];
}

/**
 * Runs inside the page: resolves with the times from the next click to the frame
 * after (a) the first screen and (b) the whole page show no loading state. A
 * string, because tsx's name-keeping helpers do not exist in the page.
 */
function timeNextClick(tab: Tab): string {
  return `new Promise((resolve) => {
  const root = ${JSON.stringify(tab.root)};
  const content = ${JSON.stringify(tab.content)};
  const contentText = ${JSON.stringify(tab.contentText ?? null)};
  const loadingSelector = '.skeleton, .loading, .is-busy, [aria-busy="true"]';
  const shown = (el, wholePage) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (wholePage || (r.top < innerHeight && r.bottom > 0 && r.left < innerWidth));
  };
  const settled = (wholePage) => {
    if (!document.querySelector(root) || !document.querySelector(content)) return false;
    if (contentText && !(document.querySelector(contentText.selector)?.textContent ?? '').includes(contentText.includes)) return false;
    for (const el of document.querySelectorAll(loadingSelector)) if (shown(el, wholePage)) return false;
    for (const el of document.querySelectorAll('.kpi-value')) if (el.textContent.trim() === '…' && shown(el, wholePage)) return false;
    return true;
  };
  let clickedAt = null;
  let firstScreen = null;
  document.addEventListener('click', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
  const check = () => {
    if (clickedAt !== null) {
      const elapsed = performance.now() - clickedAt;
      if (firstScreen === null && settled(false)) {
        const at = clickedAt;
        requestAnimationFrame(() => { firstScreen = performance.now() - at; });
      }
      if (firstScreen !== null && settled(true)) {
        const at = clickedAt;
        const first = firstScreen;
        requestAnimationFrame(() => resolve({ firstScreen: first, wholePage: performance.now() - at, clickedAt: at }));
        return;
      }
      if (elapsed > ${giveUpMs}) { resolve({ firstScreen, wholePage: null, clickedAt }); return; }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;
}

/**
 * Installed in the page before the app: logs every RPC with its method and its
 * times in the page's clock (the core runs in this process, so Node's own view
 * of the requests is late while the core computes).
 */
const logCalls = `(() => {
  const log = [];
  let inFlight = 0;
  window.__benchCalls = log;
  window.__benchInFlight = () => inFlight;
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.endsWith('/rpc')) return fetch(input, init);
    let method = '?';
    try { method = JSON.parse(init.body).method; } catch {}
    const entry = { method, start: performance.now(), end: null };
    log.push(entry);
    inFlight += 1;
    try {
      const response = await fetch(input, init);
      await response.clone().text();
      return response;
    } finally {
      inFlight -= 1;
      entry.end = performance.now();
    }
  };
})()`;

interface LoggedCall {
  method: string;
  start: number;
  end: number | null;
}

/** Resolves once the page has had no call in flight for `quietMs`. */
async function idle(page: Page, quietMs = 400, limitMs = 120_000): Promise<void> {
  const until = Date.now() + limitMs;
  let quietSince = Date.now();
  while (Date.now() < until) {
    const inFlight = await page.evaluate<number>('window.__benchInFlight()');
    if (inFlight > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function callsSince(page: Page, at: number): Promise<TabFigure['calls']> {
  const log = await page.evaluate<LoggedCall[]>('window.__benchCalls');
  return log.filter((e) => e.start >= at).map((e) => ({ method: e.method, startMs: e.start - at, durationMs: (e.end ?? e.start) - e.start }));
}

async function openAt(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.locator(ready).first().waitFor();
}

/** Options: where the built renderer is (default out/renderer), and where to save screenshots. */
export interface AnalyticsUiOptions {
  rendererDir?: string;
  /** Saves `<dir>/<tab>-loading.png` (the first frame after the click) and `<dir>/<tab>-loaded.png`. */
  screenshotsDir?: string;
  locale?: 'en' | 'zh-CN';
  /** The shop's file, read only: one bare scan of all order lines (median of 3) beside the figures, as the yardstick of this run. */
  dbPath?: string;
}

export interface AnalyticsUiFigures {
  tabs: TabFigure[];
  /** The bare scan of all order lines in the same run (null without `dbPath`). */
  bareScanMs: number | null;
}

async function bareScan(dbPath: string): Promise<number> {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const scan = db.prepare('SELECT COUNT(*), SUM(quantity * unit_price), SUM(quantity), SUM(discount) FROM order_lines');
    return await median(() => scan.get(), 3);
  } finally {
    db.close();
  }
}

export async function benchAnalyticsUi(core: Core, options: AnalyticsUiOptions = {}): Promise<AnalyticsUiFigures> {
  const server = await startServer({ core, rendererDir: options.rendererDir ?? resolve(join('out', 'renderer')), token, port: 0 });
  try {
    return await benchTabs(server.url, options);
  } finally {
    await server.close();
  }
}

/** The tabs against a running serve-mode server (in this process, or another). */
async function benchTabs(url: string, options: AnalyticsUiOptions): Promise<AnalyticsUiFigures> {
  const server = { url };
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  const figures: TabFigure[] = [];
  try {
    const context = await browser.newContext({ viewport, locale: options.locale ?? 'en' });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    // The page's today is the shop's: the default periods end where its data does.
    await page.clock.setFixedTime(new Date(largeShopNow));
    await page.addInitScript(logCalls);
    await page.goto(`${server.url}/?token=${token}`);
    await openAt(page, '#/settings', '[data-testid="settings-form"]');
    // The shop's language (a setting of the shop, so only on a copy the bench may change).
    if (options.locale === 'zh-CN') {
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await idle(page);
    }
    for (const tab of tabs) {
      await openAt(page, tab.from, tab.fromReady);
      await idle(page);
      const timing = page.evaluate<{ firstScreen: number | null; wholePage: number | null; clickedAt: number }>(timeNextClick(tab));
      // The core runs in this process: while it computes, Playwright's own waiting after a click would time out.
      await page.locator(tab.click).first().click({ noWaitAfter: true, timeout: 120_000 });
      const file = tab.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
      if (options.screenshotsDir) await page.screenshot({ path: join(options.screenshotsDir, `${file}-loading.png`) });
      const { firstScreen, wholePage, clickedAt } = await timing;
      if (options.screenshotsDir) await page.screenshot({ path: join(options.screenshotsDir, `${file}-loaded.png`) });
      await idle(page);
      figures.push({ tab: tab.name, firstScreenMs: firstScreen ?? Number.POSITIVE_INFINITY, wholePageMs: wholePage, calls: await callsSince(page, clickedAt) });
    }
    const bareScanMs = options.dbPath ? await bareScan(options.dbPath) : null;
    printTable(
      `Analytics tabs in Chromium (serve mode, 1440×900, large demo shop): click → first screen painted${bareScanMs === null ? '' : `; bare scan of all order lines ${ms(bareScanMs)}`}`,
      ['tab', 'first screen', '÷ bare scan', 'whole page', 'calls after the click (ms from the click +duration)'],
      figures.map((f) => [
        f.tab,
        Number.isFinite(f.firstScreenMs) ? ms(f.firstScreenMs) : `> ${ms(giveUpMs)}`,
        bareScanMs === null || !Number.isFinite(f.firstScreenMs) ? '-' : ratio(f.firstScreenMs, bareScanMs),
        f.wholePageMs === null ? `> ${ms(giveUpMs)}` : ms(f.wholePageMs),
        f.calls.map((c) => `${c.method}@${c.startMs.toFixed(0)}+${c.durationMs.toFixed(0)}`).join(' '),
      ]),
    );
    return { tabs: figures, bareScanMs };
  } finally {
    await browser.close();
  }
}

/**
 * The bench on a shop file with a core of its own whose clock is the large demo shop's "now"
 * (so "today so far", alerts and reorder read the shop as generated), closed afterwards.
 */
export async function benchAnalyticsUiOnShop(dbPath: string, options: Omit<AnalyticsUiOptions, 'dbPath'> = {}): Promise<AnalyticsUiFigures> {
  const core = createCore({ dbPath, appVersion: 'bench', background: false, clock: fixedClock(largeShopNow) });
  try {
    return await benchAnalyticsUi(core, { ...options, dbPath });
  } finally {
    await core.close();
  }
}

/**
 * Alone: `tsx tests/bench/analytics-ui.ts <copy-of-large.db> [rendererDir] [screenshotsDir] [en|zh-CN]`.
 * The core then runs in a child process (`--serve`), as it does beside Electron's renderer,
 * so the "loading" screenshots are taken while the core is still computing.
 */
async function serveInChild(dbPath: string, rendererDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--serve', dbPath, rendererDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening (\S+)$/m.exec(out);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the bench server stopped (${String(code)})`)));
  });
  return { url, stop: () => child.kill() };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  if (args[0] === '--serve') {
    const [, dbPath = '', rendererDir = ''] = args;
    const core = createCore({ dbPath, appVersion: 'bench', background: false, clock: fixedClock(largeShopNow) });
    const server = await startServer({ core, rendererDir, token, port: 0 });
    console.log(`listening ${server.url}`);
  } else {
    const [dbPath, rendererDir = resolve(join('out', 'renderer')), screenshotsDir, locale] = args;
    if (!dbPath) throw new Error('usage: tsx tests/bench/analytics-ui.ts <copy-of-large.db> [rendererDir] [screenshotsDir] [en|zh-CN]');
    const server = await serveInChild(dbPath, rendererDir);
    try {
      await benchTabs(server.url, { rendererDir, screenshotsDir, locale: locale === 'zh-CN' ? 'zh-CN' : 'en', dbPath });
    } finally {
      server.stop();
    }
  }
}

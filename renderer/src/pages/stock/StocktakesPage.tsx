// Stocktakes: open a count (a location, a category or a bin), count by
// scanner, by typing, or from a spreadsheet; see variances against the level
// at count time with their value; post them as adjustments after a
// confirmation that states net units and value and what uncounted lines mean.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { readFileBase64, saveFile } from '../../api/files.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { asRowOf } from '../../components/field-issues.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { Pager } from '../../components/Pager.js';
import { EmptyState, focusForm } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useLocations } from './use-locations.js';
import { useConfirm } from '../../components/confirm.js';
import { CountInput } from './CountInput.js';
import { PostStocktakeDialog } from './PostStocktakeDialog.js';
import { IdSelect } from '../../components/IdSelect.js';
import { ExportMenu } from '../../components/ExportMenu.js';

type Show = NonNullable<MethodInput<'stocktakes.get'>['show']>;
const pageSize = 100;

export function StocktakesPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Variance values are at cost: without costs.view the core blanks them and they are not shown.
  const seesCosts = useCan()('costs.view');
  const { showError } = useToasts();
  const locations = useLocations();
  const [list, setList] = useState<MethodOutput<'stocktakes.list'> | null>(null);
  const [locationId, setLocationId] = useState(0);
  const [scope, setScope] = useState<'all' | 'category' | 'bin'>('all');
  const [categoryId, setCategoryId] = useState(0);
  const [bin, setBin] = useState('');
  const [categories, setCategories] = useState<MethodOutput<'categories.list'>['categories']>([]);

  useEffect(() => {
    call('stocktakes.list', {}).then(setList, showError);
    call('categories.list', {}).then((answer) => setCategories(answer.categories), showError);
  }, [showError]);
  useEffect(() => {
    if (!locationId && locations[0]) setLocationId(locations[0].id);
  }, [locations, locationId]);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const chosen = scope === 'all' ? { kind: 'all' as const } : scope === 'bin' ? { kind: 'bin' as const, bin } : { kind: 'category' as const, categoryId };
      const opened = await call('stocktakes.open', { locationId, scope: chosen });
      navigate('stock', 'stocktakes', opened.id);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      <form className="card" onSubmit={open} data-testid="stocktake-form">
        <h2>{t('stocktake.new')}</h2>
        <div className="field-row">
          <label className="field">
            <span>{t('stock.location')}</span>
            <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? 0)} options={locations} label={(o) => o.name} testId="stocktake-location" />
          </label>
          <label className="field">
            <span>{t('stocktake.scope')}</span>
            <select value={scope} onChange={(e) => setScope(e.target.value as typeof scope)} data-testid="stocktake-scope">
              <option value="all">{t('stocktake.scope.all')}</option>
              <option value="category">{t('stocktake.scope.category')}</option>
              <option value="bin">{t('stocktake.scope.bin')}</option>
            </select>
          </label>
          {scope === 'category' ? (
            <label className="field">
              <span>{t('newProduct.category')}</span>
              <select value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))}>
                <option value={0}>—</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.path}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {scope === 'bin' ? (
            <label className="field">
              <span>{t('stock.bin')}</span>
              <input value={bin} onChange={(e) => setBin(e.target.value)} placeholder="A-01-03" />
            </label>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="stocktake-open">
            {t('stocktake.open')}
          </button>
        </div>
      </form>
      <div className="card">
        <div className="page-actions">
          <ExportMenu
            source="stocktakes.list"
            query={{}}
            columns={[
              { field: 'number', header: t('transfer.number'), kind: 'text' },
              { field: 'location', header: t('stock.location'), kind: 'text' },
              { field: 'scope', header: t('stocktake.scope'), kind: 'text' },
              { field: 'status', header: t('transfer.status'), kind: 'text' },
              { field: 'counted', header: t('stocktake.counted'), kind: 'number' },
              { field: 'lines', header: t('exports.lines'), kind: 'number' },
              ...(seesCosts ? [{ field: 'netVarianceValue', header: t('stocktake.varianceValue'), kind: 'money' as const }] : []),
              { field: 'openedAt', header: t('transfer.created'), kind: 'date' },
            ]}
            fileName={t('exports.file.stocktakes')}
          />
        </div>
        {list === null ? <PanelSkeleton lines={4} /> : null}
        {list?.rows.length === 0 ? (
          <EmptyState
            title={t('pages.empty.stocktakes')}
            hint={t('pages.empty.stocktakesHint')}
            action={{ label: t('stocktake.new'), onClick: () => focusForm('stocktake-form'), testId: 'stocktakes-empty-new' }}
            testId="stocktakes-empty"
          />
        ) : null}
        <table className="table" data-testid="stocktakes-table" hidden={!list || list.rows.length === 0}>
          <thead>
            <tr>
              <th>{t('transfer.number')}</th>
              <th>{t('stock.location')}</th>
              <th>{t('stocktake.scope')}</th>
              <th>{t('transfer.status')}</th>
              <th className="num">{t('stocktake.counted')}</th>
              {seesCosts ? <th className="num">{t('stocktake.varianceValue')}</th> : null}
              <th>{t('transfer.created')}</th>
            </tr>
          </thead>
          <tbody>
            {(list?.rows ?? []).map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={routeHref('stock', 'stocktakes', row.id)}>{row.number}</a>
                </td>
                <td>{row.location}</td>
                <td>{row.scopeLabel ?? t(`stocktake.scope.${row.scope}`)}</td>
                <td>
                  <span className={`status status-${row.status}`}>{t(`stocktake.state.${row.status}`)}</span>
                </td>
                <td className="num">
                  {formatNumber(row.counted, locale)} / {formatNumber(row.lines, locale)}
                </td>
                {seesCosts ? <td className="num">{formatMoney(row.netVarianceValue, settings.currency, locale)}</td> : null}
                <td>{formatDateTime(row.openedAt, locale, settings.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function StocktakePage({ stocktakeId }: { stocktakeId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Variance values are at cost: without costs.view the core blanks them and they are not shown.
  const seesCosts = useCan()('costs.view');
  const { showError, showSuccess } = useToasts();
  const [show, setShow] = useState<Show>('all');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<MethodOutput<'stocktakes.get'> | null>(null);
  const [scan, setScan] = useState('');
  const [lastScan, setLastScan] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const confirm = useConfirm();
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(
    () => call('stocktakes.get', { stocktakeId, show, search: search.trim(), offset, limit: pageSize }).then(setPage, showError),
    [stocktakeId, show, search, offset, showError],
  );
  useEffect(() => void load(), [load]);
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('stock') && void load()), [load]);

  const money = (minor: number | null) => (minor === null ? '' : formatMoney(minor, settings.currency, locale));
  const run = async (work: () => Promise<unknown>, success?: 'stocktake.posted' | 'stocktake.imported') => {
    try {
      await work();
      if (success) showSuccess(success);
      await load();
    } catch (error) {
      showError(error);
    }
  };
  // A keyboard-wedge scanner types the code and Enter; each scan adds one.
  const onScan = async (event: FormEvent) => {
    event.preventDefault();
    const code = scan.trim();
    setScan('');
    if (!code) return;
    await run(async () => {
      const answer = await call('stocktakes.scan', { stocktakeId, code });
      setLastScan(`${answer.line.sku} — ${answer.line.title}: ${answer.line.counted ?? 0}`);
    });
  };
  const cancelStocktake = async () => {
    if (!page) return;
    const ok = await confirm({
      title: t('stocktakeCancel.title', { number: page.stocktake.number }),
      lines: [t('stocktakeCancel.line', { counted: formatNumber(page.stocktake.counted, locale) })],
      confirmLabel: t('stocktakeCancel.ok'),
      danger: true,
    });
    if (ok) await run(() => call('stocktakes.cancel', { stocktakeId }));
  };
  const importFile = async (file: File) =>
    run(async () => call('stocktakes.importCounts', { stocktakeId, fileName: file.name, contentBase64: await readFileBase64(file) }), 'stocktake.imported');

  if (!page)
    return (
      <div className="card">
        <PanelSkeleton lines={8} />
      </div>
    );
  const { stocktake } = page;
  const counting = stocktake.status === 'counting';
  return (
    <div className="card stocktake" data-testid="stocktake-detail">
      <div className="page-header">
        <a href={routeHref('stock', 'stocktakes')} className="button button-small no-print">
          ← {t('common.back')}
        </a>
        <h2>
          {stocktake.number}: {stocktake.location} · {stocktake.scopeLabel ?? t(`stocktake.scope.${stocktake.scope}`)}
        </h2>
        <span className={`status status-${stocktake.status}`} data-testid="stocktake-status">
          {t(`stocktake.state.${stocktake.status}`)}
        </span>
      </div>
      <p className="stocktake-totals" data-testid="stocktake-totals">
        {t('stocktake.totals', {
          counted: formatNumber(stocktake.counted, locale),
          lines: formatNumber(stocktake.lines, locale),
          variances: formatNumber(stocktake.withVariance, locale),
          units: formatNumber(stocktake.netVarianceUnits, locale),
          value: seesCosts ? money(stocktake.netVarianceValue) : '—',
        })}
      </p>
      <p className="muted small">{t('stocktake.how')}</p>
      {counting ? (
        <form className="scan no-print" onSubmit={onScan}>
          <input autoFocus value={scan} onChange={(e) => setScan(e.target.value)} placeholder={t('stocktake.scanHint')} aria-label={t('stocktake.scanHint')} data-testid="stocktake-scan" />
          <span className="muted" data-testid="stocktake-last-scan">
            {lastScan ?? ''}
          </span>
        </form>
      ) : null}
      <div className="filters no-print">
        <select value={show} onChange={(e) => (setShow(e.target.value as Show), setOffset(0))} aria-label={t('stocktake.show')} data-testid="stocktake-show">
          {(['all', 'counted', 'uncounted', 'variance'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`stocktake.show.${s}`)}
            </option>
          ))}
        </select>
        <input type="search" className="search" placeholder={t('products.search')} value={search} onChange={(e) => (setSearch(e.target.value), setOffset(0))} />
        <div className="page-actions">
          <button type="button" className="button button-small" onClick={() => void call('stocktakes.sheet', { stocktakeId, format: 'xlsx' }).then(saveFile, showError)}>
            {t('stocktake.exportXlsx')}
          </button>
          <button type="button" className="button button-small" onClick={() => void call('stocktakes.sheet', { stocktakeId, format: 'csv' }).then(saveFile, showError)}>
            {t('stocktake.exportCsv')}
          </button>
          <button type="button" className="button button-small" onClick={() => window.print()}>
            {t('stocktake.print')}
          </button>
          {counting ? (
            <>
              <button type="button" className="button button-small" onClick={() => fileInput.current?.click()}>
                {t('stocktake.import')}
              </button>
              <input ref={fileInput} type="file" hidden accept=".xlsx,.xls,.ods,.csv,.tsv" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
            </>
          ) : null}
        </div>
      </div>
      <Pager offset={offset} total={page.total} size={pageSize} onChange={setOffset} placement="top" />
      <table className="table" data-testid="stocktake-lines">
        <thead>
          <tr>
            <th>{t('stock.bin')}</th>
            <th>{t('columns.sku')}</th>
            <th>{t('columns.title')}</th>
            <th className="num">{t('stocktake.atOpen')}</th>
            <th className="num">{t('stocktake.now')}</th>
            <th className="num">{t('stocktake.counted')}</th>
            <th className="num">{t('stocktake.variance')}</th>
            {seesCosts ? <th className="num">{t('stocktake.varianceValue')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {page.lines.map((line) => (
            <tr key={line.variantId}>
              <td>{line.bin ?? ''}</td>
              <td className="cell-mono">{line.sku}</td>
              <td>
                {line.title} <span className="muted">{line.options}</span>
              </td>
              <td className="num">{formatNumber(line.onHandAtOpen, locale)}</td>
              <td className="num" title={t('stocktake.movedSinceOpen', { n: line.movedSinceOpen })}>
                {formatNumber(line.onHandNow, locale)}
              </td>
              <td className="num">
                {counting ? (
                  <CountInput
                    // Remounts when the count changes elsewhere (a scan, an import) so it shows the new number.
                    key={`${line.variantId}-${line.counted ?? ''}`}
                    sku={line.sku}
                    counted={line.counted}
                    onSave={(counted) =>
                      void run(() =>
                        // One cell, one line sent: a refusal names the SKU, not "Line 1".
                        call('stocktakes.count', { stocktakeId, lines: [{ variantId: line.variantId, counted }] }).catch((error: unknown) => {
                          throw asRowOf(error, line.sku);
                        }),
                      )
                    }
                  />
                ) : (
                  formatNumber(line.counted, locale)
                )}
              </td>
              <td className={line.variance ? (line.variance < 0 ? 'num negative' : 'num positive') : 'num'}>{line.variance === null ? '' : formatNumber(line.variance, locale)}</td>
              {seesCosts ? <td className="num">{money(line.varianceValue)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} total={page.total} size={pageSize} onChange={setOffset} />
      {counting ? (
        <div className="form-actions no-print">
          <button type="button" className="button button-primary" onClick={() => setPosting(true)} data-testid="stocktake-post">
            {t('stocktakePost.open')}
          </button>
          <button type="button" className="button" onClick={() => void cancelStocktake()} data-testid="stocktake-cancel">
            {t('stocktake.cancel')}
          </button>
        </div>
      ) : null}
      {posting ? (
        <PostStocktakeDialog
          stocktake={stocktake}
          onClose={() => setPosting(false)}
          onPosted={() => {
            setPosting(false);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

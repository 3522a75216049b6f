// Which of the channel's products are which of ours. "Read catalogue" reads the
// whole remote catalogue (a job) and matches it by SKU, then barcode; the table
// shows one state at a time with the count of each: linked, matched (one local
// candidate, ready to link), ambiguous (pick the right one), only on the channel
// (import as new products) and only here. Bulk actions say their count first.
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { routeHref } from '../../app/route.js';
import { useConfirm } from '../../components/confirm.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loaded } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToasts } from '../../components/toasts.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { useJobRun, useSyncRefresh } from './use-sync-refresh.js';
import { VariantRuleDialog } from './VariantRuleDialog.js';
import { useNow, When } from './When.js';
import type { LinkFilter, LinkRow } from './types.js';

const filters: readonly LinkFilter[] = ['linked', 'matched', 'ambiguous', 'remoteOnly', 'localOnly'];
const pageSize = 50;

export function LinksTab({ channelId, disconnected }: { channelId: number; disconnected: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const now = useNow();
  const [filter, setFilter] = useState<LinkFilter>('matched');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const query = useDebounced(search.trim(), 300);
  const load = useLoad(
    () => call('links.review', { channelId, filter, search: query || undefined, offset, limit: pageSize }),
    [channelId, filter, query, offset],
    { resetOn: [filter] },
  );
  useSyncRefresh(load.reload);
  const scan = useJobRun(() => load.reload());
  const money = (minor: number | null): string => (minor === null ? '—' : formatMoney(minor, settings.currency, locale));

  const act = async (work: () => Promise<unknown>, success: Parameters<typeof showSuccess>[0]) => {
    setBusy(true);
    try {
      await work();
      showSuccess(success);
      load.reload();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const linkAllMatched = async (count: number) => {
    const ok = await confirm({
      title: t('links.linkAll.title', { count: formatNumber(count, locale) }),
      lines: [t('links.linkAll.effect')],
      confirmLabel: t('links.linkAll.button', { count: formatNumber(count, locale) }),
    });
    if (ok) await act(() => call('links.apply', { channelId, links: 'allMatched' }), 'links.linked');
  };

  const importAll = async (count: number) => {
    const ok = await confirm({
      title: t('links.import.title', { count: formatNumber(count, locale) }),
      lines: [t('links.import.effect'), t('links.import.stock')],
      confirmLabel: t('links.import.button', { count: formatNumber(count, locale) }),
    });
    if (ok) await act(() => call('links.importRemote', { channelId, remoteVariantIds: 'all' }), 'links.imported');
  };

  const unlink = async (row: LinkRow) => {
    const local = row.local[0];
    if (!local) return;
    const ok = await confirm({
      title: t('links.unlink.title', { sku: local.sku }),
      lines: [t('links.unlink.effect')],
      confirmLabel: t('links.unlink.button'),
      danger: true,
    });
    if (ok) await act(() => call('links.unlink', { channelId, variantIds: [local.variantId] }), 'links.unlinked');
  };

  return (
    <div className="card" data-testid="links-tab">
      <div className="filters">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={scan.running || disconnected}
          onClick={() => void scan.start(() => call('links.scan', { channelId }))}
          data-testid="links-scan"
        >
          {scan.running ? t('links.scanning') : t('links.scan')}
        </button>
        {scan.job?.status === 'running' ? <ProgressBar done={scan.job.done} total={scan.job.total} label={t('links.scanning')} /> : null}
        <span className="muted small" data-testid="links-scanned-at">
          {t('links.scannedAt')} <When iso={load.data?.scannedAt ?? null} now={now} inline />
        </span>
        <input
          type="search"
          className="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          placeholder={t('links.search')}
          aria-label={t('links.search')}
          data-testid="links-search"
        />
      </div>
      <nav className="tabs link-states" aria-label={t('channels.channelTab.links')}>
        {filters.map((name) => (
          <button
            key={name}
            type="button"
            className={name === filter ? 'tab active' : 'tab'}
            aria-pressed={name === filter}
            onClick={() => {
              setFilter(name);
              setOffset(0);
            }}
            data-testid={`links-filter-${name}`}
          >
            {t(`links.state.${name}`)} <span className="count">{formatNumber(load.data?.counts[name] ?? 0, locale)}</span>
          </button>
        ))}
      </nav>
      <p className="muted small">{t(`links.stateHint.${filter}`)}</p>
      <Loaded load={load} lines={6}>
        {(answer) => (
          <>
            <div className="page-actions">
              {filter === 'matched' && answer.counts.matched > 0 ? (
                <button type="button" className="button button-small button-primary" disabled={busy || disconnected} onClick={() => void linkAllMatched(answer.counts.matched)} data-testid="links-link-all">
                  {t('links.linkAll.button', { count: formatNumber(answer.counts.matched, locale) })}
                </button>
              ) : null}
              {filter === 'remoteOnly' && answer.counts.remoteOnly > 0 ? (
                <button type="button" className="button button-small button-primary" disabled={busy || disconnected} onClick={() => void importAll(answer.counts.remoteOnly)} data-testid="links-import-all">
                  {t('links.import.button', { count: formatNumber(answer.counts.remoteOnly, locale) })}
                </button>
              ) : null}
            </div>
            {answer.total === 0 ? (
              <EmptyState title={t(answer.scannedAt ? 'links.empty' : 'links.notScanned')} hint={answer.scannedAt ? undefined : t('links.notScannedHint')} testId="links-empty" />
            ) : (
              <>
                <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} placement="top" />
                <div className="channels-table-wrap">
                  <table className="table links-table" data-testid="links-table">
                    <thead>
                      <tr>
                        {filter === 'localOnly' ? null : <th>{t('links.col.remote')}</th>}
                        {filter === 'localOnly' ? null : <th className="num">{t('links.col.remotePrice')}</th>}
                        {filter === 'localOnly' ? null : <th className="num">{t('links.col.remoteQuantity')}</th>}
                        {filter === 'remoteOnly' ? null : <th>{t('links.col.local')}</th>}
                        {filter === 'remoteOnly' ? null : <th className="num">{t('links.col.localPrice')}</th>}
                        {filter === 'remoteOnly' ? null : <th className="num">{t('links.col.available')}</th>}
                        {filter === 'matched' || filter === 'linked' ? <th>{t('links.col.matchedBy')}</th> : null}
                        <th>{t('channels.col.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {answer.rows.map((row, index) => (
                        <LinkTableRow
                          key={row.remote?.remoteVariantId ?? `local-${row.local[0]?.variantId ?? index}`}
                          channelId={channelId}
                          row={row}
                          filter={filter}
                          money={money}
                          busy={busy || disconnected}
                          onLink={(remoteVariantId, variantId) => void act(() => call('links.apply', { channelId, links: [{ remoteVariantId, variantId }] }), 'links.linked')}
                          onImport={(remoteVariantId) => void act(() => call('links.importRemote', { channelId, remoteVariantIds: [remoteVariantId] }), 'links.imported')}
                          onUnlink={() => void unlink(row)}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

function LinkTableRow(props: {
  channelId: number;
  row: LinkRow;
  filter: LinkFilter;
  money: (minor: number | null) => string;
  busy: boolean;
  onLink: (remoteVariantId: string, variantId: number) => void;
  onImport: (remoteVariantId: string) => void;
  onUnlink: () => void;
}): ReactNode {
  const { t, locale } = useI18n();
  const { row, filter, money } = props;
  const [ruleOpen, setRuleOpen] = useState(false);
  const [picked, setPicked] = useState<number | null>(row.state === 'ambiguous' ? null : (row.local[0]?.variantId ?? null));
  const remote = row.remote;
  const local = row.state === 'ambiguous' ? row.local.find((candidate) => candidate.variantId === picked) : row.local[0];
  return (
    <tr data-testid="link-row" data-sku={local?.sku ?? remote?.sku ?? ''}>
      {filter === 'localOnly' ? null : (
        <td>
          {remote ? (
            <>
              {remote.productTitle}
              {remote.variantTitle ? <span className="muted"> · {remote.variantTitle}</span> : null}
              <span className="muted small block cell-mono">{[remote.sku, remote.barcode].filter(Boolean).join(' · ') || t('links.noSku')}</span>
            </>
          ) : null}
        </td>
      )}
      {filter === 'localOnly' ? null : <td className="num">{money(remote?.price ?? null)}</td>}
      {filter === 'localOnly' ? null : <td className="num">{remote?.quantity === null || remote?.quantity === undefined ? '—' : formatNumber(remote.quantity, locale)}</td>}
      {filter === 'remoteOnly' ? null : (
        <td>
          {row.state === 'ambiguous' ? (
            <select value={picked ?? ''} onChange={(e) => setPicked(e.target.value ? Number(e.target.value) : null)} aria-label={t('links.pick')} data-testid="link-candidate">
              <option value="">{t('links.pick')}</option>
              {row.local.map((candidate) => (
                <option key={candidate.variantId} value={candidate.variantId}>
                  {candidate.sku} — {candidate.productName}
                  {candidate.variantTitle ? ` · ${candidate.variantTitle}` : ''}
                </option>
              ))}
            </select>
          ) : local ? (
            <>
              <a href={routeHref('products', local.productId)}>{local.productName}</a>
              {local.variantTitle ? <span className="muted"> · {local.variantTitle}</span> : null}
              <span className="muted small block cell-mono">{[local.sku, local.barcode].filter(Boolean).join(' · ')}</span>
            </>
          ) : null}
        </td>
      )}
      {filter === 'remoteOnly' ? null : <td className="num">{money(local?.price ?? null)}</td>}
      {filter === 'remoteOnly' ? null : <td className="num">{local ? formatNumber(local.available, locale) : '—'}</td>}
      {filter === 'matched' || filter === 'linked' ? <td>{row.matchedBy ? t(`links.matchedBy.${row.matchedBy}`) : '—'}</td> : null}
      <td>
        {row.state === 'matched' || row.state === 'ambiguous' ? (
          <button type="button" className="button button-small" disabled={props.busy || picked === null} onClick={() => remote && picked !== null && props.onLink(remote.remoteVariantId, picked)} data-testid="link-one">
            {t('links.link')}
          </button>
        ) : null}
        {row.state === 'remoteOnly' ? (
          <button type="button" className="button button-small" disabled={props.busy} onClick={() => remote && props.onImport(remote.remoteVariantId)} data-testid="link-import-one">
            {t('links.importOne')}
          </button>
        ) : null}
        {row.state === 'linked' ? (
          <span className="channel-actions">
            <button type="button" className="button button-small" disabled={props.busy || !local} onClick={() => setRuleOpen(true)} data-testid="link-rule">
              {t('links.rule.button')}
            </button>
            <button type="button" className="button button-small button-danger-quiet" disabled={props.busy} onClick={props.onUnlink} data-testid="link-unlink">
              {t('links.unlink.button')}
            </button>
          </span>
        ) : null}
        {ruleOpen && local ? <VariantRuleDialog channelId={props.channelId} variantId={local.variantId} sku={local.sku} onClose={() => setRuleOpen(false)} /> : null}
      </td>
    </tr>
  );
}

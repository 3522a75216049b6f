// The review queue: what sync would not decide alone. Price conflicts (three
// values side by side: as last synced, Shopdesk's, the channel's), order lines
// that match no product, stock changed on the channel by hand, and items the
// channel refused. Each says why in the UI language; only the actions the item
// accepts are offered. Filter by channel (on the Channels tab) and by kind.
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IdSelect } from '../../components/IdSelect.js';
import { Loaded } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useToasts } from '../../components/toasts.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n, type I18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { LinkPicker } from './LinkPicker.js';
import { reasonDetails, reasonText } from './sync-texts.js';
import { useSyncRefresh } from './use-sync-refresh.js';
import { useNow, When } from './When.js';
import type { ReviewAction, ReviewItem, ReviewKind } from './types.js';

const kinds: readonly ReviewKind[] = ['conflict', 'unlinked_line', 'remote_stock_edit', 'failed_item'];
const statuses = ['open', 'resolved', 'ignored'] as const;
const pageSize = 25;

/** `?channel=3&kind=conflict` after the route: where a "3 to review" link points. */
function queryOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.split('?')[1] ?? '');
}

export function ReviewQueue({ channelId: fixedChannel }: { channelId?: number }): ReactNode {
  const { t, locale } = useI18n();
  const initial = queryOf(location.hash);
  const [channelId, setChannelId] = useState<number | null>(fixedChannel ?? (Number(initial.get('channel')) || null));
  const [kind, setKind] = useState<ReviewKind | null>(kinds.find((k) => k === initial.get('kind')) ?? null);
  const [status, setStatus] = useState<(typeof statuses)[number]>('open');
  const [offset, setOffset] = useState(0);
  const channels = useLoad(() => call('channels.list', {}), []);
  const load = useLoad(
    () => call('review.list', { channelId: channelId ?? undefined, kind: kind ?? undefined, status, offset, limit: pageSize }),
    [channelId, kind, status, offset],
  );
  useSyncRefresh(load.reload);
  const total = load.data ? Object.values(load.data.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="card" data-testid="review-queue">
      <div className="review-toolbar">
        <nav className="tabs link-states" aria-label={t('channels.tab.review')}>
          <button type="button" className={kind === null ? 'tab active' : 'tab'} aria-pressed={kind === null} onClick={() => (setKind(null), setOffset(0))} data-testid="review-kind-all">
            {t('review.kind.all')} <span className="count">{formatNumber(total, locale)}</span>
          </button>
          {kinds.map((name) => (
            <button
              key={name}
              type="button"
              className={kind === name ? 'tab active' : 'tab'}
              aria-pressed={kind === name}
              onClick={() => (setKind(name), setOffset(0))}
              data-testid={`review-kind-${name}`}
            >
              {t(`review.kind.${name}`)} <span className="count">{formatNumber(load.data?.counts[name] ?? 0, locale)}</span>
            </button>
          ))}
        </nav>
        <div className="filters">
          {fixedChannel === undefined ? (
            <label className="field">
              <span>{t('review.channel')}</span>
              <IdSelect
                value={channelId}
                onChange={(id) => (setChannelId(id), setOffset(0))}
                options={(channels.data?.channels ?? []).filter((c) => c.kind !== null)}
                label={(c) => c.name}
                noneLabel={t('review.allChannels')}
                testId="review-channel"
              />
            </label>
          ) : null}
          <label className="field">
            <span>{t('review.status')}</span>
            <select value={status} onChange={(e) => (setStatus(statuses.find((s) => s === e.target.value) ?? 'open'), setOffset(0))} data-testid="review-status">
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`review.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <Loaded load={load} lines={5}>
        {(answer) =>
          answer.items.length === 0 ? (
            <EmptyState title={t(status === 'open' ? 'review.empty' : 'review.emptyClosed')} hint={status === 'open' ? t('review.emptyHint') : undefined} testId="review-empty" />
          ) : (
            <>
              <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} placement="top" />
              <ul className="review-list">
                {answer.items.map((item) => (
                  <ReviewCard key={item.id} item={item} showChannel={fixedChannel === undefined} onDone={load.reload} />
                ))}
              </ul>
              <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </div>
  );
}

const actionKeys = {
  acceptLocal: 'review.action.acceptLocal',
  acceptRemote: 'review.action.acceptRemote',
  link: 'review.action.link',
  retry: 'review.action.retry',
  ignore: 'review.action.ignore',
} as const;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);

/** What the item is about as a merchant names it: the product and SKU when the item recorded them, else the order. */
function subjectOf(item: ReviewItem, t: I18n['t']): string {
  const { values } = item;
  const named = [text(values.productTitle) ?? text(values.title), text(values.sku)].filter(Boolean).join(' · ');
  if (named) return named;
  const order = text(values.orderNumber);
  if (order) return t('review.order', { order });
  // The core names variants by id only (`variant:15:price`): never show that raw.
  const variant = /^variant:(\d+):/.exec(item.subject);
  return variant?.[1] ? t('review.variant', { id: variant[1] }) : item.subject;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function ReviewCard({ item, showChannel, onDone }: { item: ReviewItem; showChannel: boolean; onDone: () => void }): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const values = item.values;
  const money = (value: unknown): string => {
    const minor = num(value);
    return minor === null ? '—' : formatMoney(minor, settings.currency, locale);
  };
  const quantity = (value: unknown): string => {
    const n = num(value);
    return n === null ? '—' : formatNumber(n, locale);
  };

  const resolve = async (action: ReviewAction, variantId?: number) => {
    setBusy(true);
    try {
      await call('review.resolve', { itemId: item.id, action, variantId });
      showSuccess(action === 'retry' ? 'review.retried' : 'review.resolved');
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const field = typeof values.field === 'string' ? values.field : null;
  const details = reasonDetails(item.reason);
  return (
    <li className={`review-item review-${item.kind}`} data-testid="review-item" data-kind={item.kind}>
      <div className="review-head">
        <span className={`status review-kind-${item.kind}`}>{t(`review.one.${item.kind}`)}</span>
        <strong className="review-subject">
          {[field ? t(field === 'compareAtPrice' ? 'review.field.compareAtPrice' : 'review.field.price') : null, subjectOf(item, t)].filter(Boolean).join(' · ')}
        </strong>
        {showChannel ? <span className="muted">{item.channelName}</span> : null}
        <span className="muted small">
          <When iso={item.createdAt} now={now} inline />
        </span>
      </div>
      <p className="review-reason" data-testid="review-reason">
        {reasonText(item.reason, tKey)}
      </p>
      {details ? <p className="muted small">{details}</p> : null}
      {item.kind === 'conflict' ? (
        <table className="table review-values" data-testid="review-values">
          <thead>
            <tr>
              <th className="num">{t('review.value.lastSynced')}</th>
              <th className="num">{t('review.value.local')}</th>
              <th className="num">{t('review.value.remote')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num" data-testid="review-last-synced">{money(values.lastSynced)}</td>
              <td className="num" data-testid="review-local">{money(values.local)}</td>
              <td className="num" data-testid="review-remote">{money(values.remote)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {item.kind === 'remote_stock_edit' ? (
        <table className="table review-values" data-testid="review-values">
          <thead>
            <tr>
              <th className="num">{t('review.value.lastSyncedQty')}</th>
              <th className="num">{t('review.value.expectedRemote')}</th>
              <th className="num">{t('review.value.remoteQty')}</th>
              <th className="num">{t('review.value.localQty')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num">{quantity(values.lastSynced)}</td>
              <td className="num">{quantity(values.expectedRemote)}</td>
              <td className="num">{quantity(values.remote)}</td>
              <td className="num">{quantity(values.local)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {item.kind === 'unlinked_line' ? (
        <p className="small">
          {t('review.line', {
            order: typeof values.orderNumber === 'string' || typeof values.orderNumber === 'number' ? values.orderNumber : '—',
            title: typeof values.title === 'string' ? values.title : '—',
            quantity: quantity(values.quantity),
          })}
        </p>
      ) : null}
      <div className="review-meta muted small">
        {item.attempts > 0 ? <span>{t('review.attempts', { count: formatNumber(item.attempts, locale) })}</span> : null}
        {item.nextTryAt && item.status === 'open' ? (
          <span>
            {t('review.nextTry')} <When iso={item.nextTryAt} now={now} inline />
          </span>
        ) : null}
        {item.resolvedAt ? (
          <span>
            {t(`review.status.${item.status}`)} <When iso={item.resolvedAt} now={now} inline />
          </span>
        ) : null}
      </div>
      {item.remoteAnswer ? (
        <details className="review-answer">
          <summary>{t('review.remoteAnswer')}</summary>
          <pre className="cell-mono" data-i18n-skip>
            {item.remoteAnswer}
          </pre>
        </details>
      ) : null}
      {item.status === 'open' && item.actions.length > 0 ? (
        <div className="form-actions review-actions">
          {item.actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'ignore' ? 'button button-small' : 'button button-small button-primary'}
              disabled={busy}
              onClick={() => (action === 'link' ? setPicking(true) : void resolve(action))}
              data-testid={`review-${action}`}
            >
              {action === 'acceptLocal' && item.kind === 'conflict' && num(values.local) !== null
                ? t('review.action.acceptLocalValue', { value: money(values.local) })
                : action === 'acceptRemote' && item.kind === 'conflict' && num(values.remote) !== null
                  ? t('review.action.acceptRemoteValue', { value: money(values.remote) })
                  : t(actionKeys[action])}
            </button>
          ))}
        </div>
      ) : null}
      {picking ? (
        <LinkPicker
          sku={typeof values.sku === 'string' ? values.sku : ''}
          onClose={() => setPicking(false)}
          onPick={(variantId) => {
            setPicking(false);
            void resolve('link', variantId);
          }}
        />
      ) : null}
    </li>
  );
}

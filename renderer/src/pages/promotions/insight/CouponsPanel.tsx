// The Coupons tab: a coupon promotion's codes (add one shared code, generate a batch — or one per
// customer of the send list — list them with how often each was used, export them to send,
// remove a mistaken batch before launch) and, for segment campaigns, the audience.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PromotionDetail } from '../../../../../src/promotions/contract.js';
import type { CouponRow } from '../../../../../src/promotions/coupon-contract.js';
import type { ExportColumn } from '../../../../../src/exports/contract.js';
import { call } from '../../../api/client.js';
import { useShop } from '../../../app/shop-context.js';
import { useConfirm } from '../../../components/confirm.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { Loaded } from '../../../components/Loading.js';
import { Pager } from '../../../components/Pager.js';
import { useToasts } from '../../../components/toasts.js';
import { useDebounced } from '../../../components/use-debounced.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import { usePromotionsRefresh } from '../use-promotions-refresh.js';
import { AudienceBlock } from './AudienceBlock.js';
import { GenerateForm } from './GenerateForm.js';
import type { PromotionPanelProps } from './types.js';

const pageSize = 50;

export function CouponsPanel({ promotionId, onChanged }: PromotionPanelProps): ReactNode {
  const { t } = useI18n();
  const load = useLoad(() => call('promotions.get', { promotionId }), [promotionId]);
  usePromotionsRefresh(load.reload);
  return (
    <div className="promo-insight" data-testid="promo-coupons">
      <Loaded load={load} lines={6}>
        {(promotion) => (
          <>
            {promotion.type === 'coupon' ? <CodesBlock promotion={promotion} onChanged={onChanged} /> : null}
            {promotion.segmentCode !== null ? <AudienceBlock promotion={promotion} /> : null}
            {promotion.type !== 'coupon' && promotion.segmentCode === null ? <EmptyState title={t('promotions.insight.coupons.notCoupon')} testId="promo-coupons-none" /> : null}
          </>
        )}
      </Loaded>
    </div>
  );
}

function CodesBlock({ promotion, onChanged }: { promotion: PromotionDetail; onChanged?: (() => void) | undefined }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const confirm = useConfirm();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const query = useDebounced(search.trim(), 250);
  const promotionId = promotion.id;
  const load = useLoad(() => call('coupons.list', { promotionId, ...(query ? { search: query } : {}), offset, limit: pageSize }), [promotionId, query, offset]);
  const open = promotion.status === 'draft' || promotion.status === 'scheduled' || promotion.status === 'running';
  const removable = promotion.status === 'draft' || promotion.status === 'scheduled';

  const changed = (text: string) => {
    setMessage(text);
    setOffset(0);
    load.reload();
    onChanged?.();
  };
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      changed(await action());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') return;
    void run(async () => {
      const row = await call('coupons.add', { promotionId, code: code.trim() });
      setCode('');
      return t('promotions.insight.coupons.added', { code: row.code });
    });
  };
  const removeUnused = async () => {
    const ok = await confirm({
      title: t('promotions.insight.coupons.removeTitle'),
      lines: [t('promotions.insight.coupons.removeLine')],
      confirmLabel: t('promotions.insight.coupons.removeUnused'),
      danger: true,
    });
    if (!ok) return;
    await run(async () => {
      const { removed } = await call('coupons.removeUnused', { promotionId });
      return t('promotions.insight.coupons.removed', { count: formatNumber(removed, locale) });
    });
  };

  const columns = (): ExportColumn[] => [
    { field: 'code', header: t('promotions.insight.coupons.code'), kind: 'text' },
    { field: 'customerName', header: t('promotions.insight.coupons.customer'), kind: 'text' },
    { field: 'customerEmail', header: t('promotions.insight.coupons.email'), kind: 'text' },
    { field: 'uses', header: t('promotions.insight.coupons.uses'), kind: 'number' },
    { field: 'createdAt', header: t('promotions.insight.coupons.created'), kind: 'date' },
  ];

  return (
    <section className="card" data-testid="promo-codes">
      <header className="card-header">
        <h2>{t('promotions.insight.coupons.title')}</h2>
        <div className="page-actions">
          {removable ? (
            <button type="button" className="button button-small" disabled={busy || (load.data?.total ?? 0) === 0} onClick={() => void removeUnused()} data-testid="promo-codes-remove-unused">
              {t('promotions.insight.coupons.removeUnused')}
            </button>
          ) : null}
          <ExportMenu source="coupons.list" query={{ promotionId, ...(query ? { search: query } : {}) }} columns={columns} fileName={t('promotions.insight.coupons.fileName', { name: promotion.name })} />
        </div>
      </header>
      {open ? (
        <div className="promo-code-forms">
          <form className="promo-inline" onSubmit={add} data-testid="promo-code-add">
            <label className="field">
              <span>{t('promotions.insight.coupons.addLabel')}</span>
              <span className="promo-inline">
                <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="SUMMER20" maxLength={40} data-testid="promo-code-input" />
                <button type="submit" className="button button-small" disabled={busy || code.trim() === ''} data-testid="promo-code-add-button">
                  {t('promotions.insight.coupons.add')}
                </button>
              </span>
            </label>
          </form>
          <GenerateForm promotion={promotion} busy={busy} onGenerate={(input) => void run(async () => {
            const result = await call('coupons.generate', { promotionId, ...input });
            return t('promotions.insight.coupons.generated', { count: formatNumber(result.generated, locale), total: formatNumber(result.total, locale) });
          })} />
        </div>
      ) : (
        <p className="muted small">{t('promotions.insight.coupons.closed')}</p>
      )}
      {message ? (
        <p className="promo-done" role="status" data-testid="promo-codes-message">
          {message}
        </p>
      ) : null}
      <div className="promo-inline promo-codes-toolbar">
        <input
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          placeholder={t('promotions.insight.coupons.search')}
          aria-label={t('promotions.insight.coupons.search')}
          data-testid="promo-codes-search"
        />
        {load.data ? (
          <span className="muted small" data-testid="promo-codes-total">
            {t('promotions.insight.coupons.total', { count: formatNumber(load.data.total, locale), uses: formatNumber(load.data.usesTotal, locale) })}
          </span>
        ) : null}
      </div>
      <Loaded load={load} lines={5}>
        {(list) =>
          list.rows.length === 0 ? (
            <EmptyState title={query ? t('promotions.insight.coupons.noMatch') : t('promotions.insight.coupons.empty')} hint={query ? undefined : t('promotions.insight.coupons.emptyHint')} testId="promo-codes-empty" />
          ) : (
            <>
              <Pager offset={offset} total={list.total} size={pageSize} onChange={setOffset} placement="top" />
              <table className="table" data-testid="promo-codes-table">
                <thead>
                  <tr>
                    <th>{t('promotions.insight.coupons.code')}</th>
                    <th>{t('promotions.insight.coupons.customer')}</th>
                    <th className="num">{t('promotions.insight.coupons.uses')}</th>
                    <th>{t('promotions.insight.coupons.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row: CouponRow) => (
                    <tr key={row.id} data-testid="promo-code-row">
                      <td className="promo-code">{row.code}</td>
                      <td>{row.customerName ? `${row.customerName}${row.customerEmail ? ` · ${row.customerEmail}` : ''}` : <span className="muted">{t('promotions.insight.coupons.anyone')}</span>}</td>
                      <td className="num">{formatNumber(row.uses, locale)}</td>
                      <td>{formatDateTime(row.createdAt, locale, settings.timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} total={list.total} size={pageSize} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

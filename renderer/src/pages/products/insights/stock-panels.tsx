// Stock by location and the ledger history of the product's variants.
import type { ReactNode } from 'react';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/context.js';
import { useRecordTexts } from '../../../i18n/record-texts.js';
import { routeHref } from '../../../app/route.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Panel } from './Panel.js';

type Props = { insights: ProductInsights };

export function StockPanel({ insights }: Props): ReactNode {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const totals = insights.stock.reduce(
    (sum, row) => ({
      onHand: sum.onHand + row.onHand,
      committed: sum.committed + row.committed,
      available: sum.available + row.available,
      incoming: sum.incoming + row.incoming,
    }),
    { onHand: 0, committed: 0, available: 0, incoming: 0 },
  );
  return (
    <Panel title={t('insights.stock.title')} how={t('insights.stock.how')} testId="insights-stock">
      {insights.stock.length === 0 ? (
        <EmptyState
          title={t('insights.stock.empty')}
          hint={t('pages.product.stockEmptyHint')}
          action={{ label: t('pages.product.adjustStock'), href: routeHref('stock', 'levels') }}
          testId="insights-stock-empty"
        />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('insights.col.sku')}</th>
              <th>{t('insights.col.location')}</th>
              <th className="num">{t('insights.col.onHand')}</th>
              <th className="num">{t('insights.col.committed')}</th>
              <th className="num">{t('insights.col.available')}</th>
              <th className="num">{t('insights.col.incoming')}</th>
            </tr>
          </thead>
          <tbody>
            {insights.stock.map((row) => (
              <tr key={`${row.variantId}-${row.locationId}`}>
                <td className="cell-mono">{row.sku}</td>
                <td>{row.location}</td>
                <td className="num">{n(row.onHand)}</td>
                <td className="num">{n(row.committed)}</td>
                <td className={row.available <= 0 ? 'num negative' : 'num'}>{n(row.available)}</td>
                <td className="num">{n(row.incoming)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t('insights.total')}</th>
              <th className="num">{n(totals.onHand)}</th>
              <th className="num">{n(totals.committed)}</th>
              <th className="num">{n(totals.available)}</th>
              <th className="num">{n(totals.incoming)}</th>
            </tr>
          </tfoot>
        </table>
      )}
    </Panel>
  );
}

export function LedgerPanel({ insights }: Props): ReactNode {
  const { t, tKey, locale } = useI18n();
  // Reasons, documents, Shopdesk's own notes and who moved the stock, in the reader's language.
  const records = useRecordTexts();
  return (
    <Panel title={t('insights.ledger.title')} testId="insights-ledger" wide>
      {insights.movements.length === 0 ? (
        <EmptyState title={t('insights.ledger.empty')} hint={t('pages.product.ledgerEmptyHint')} testId="insights-ledger-empty" />
      ) : (
        <>
          <p className="muted small">
            {t('insights.ledger.count', { shown: insights.movements.length, total: formatNumber(insights.movementsTotal, locale) })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('insights.col.when')}</th>
                <th>{t('insights.col.sku')}</th>
                <th>{t('insights.col.location')}</th>
                <th className="num">{t('insights.col.change')}</th>
                <th>{t('insights.col.reason')}</th>
                <th>{t('insights.col.reference')}</th>
                <th>{t('insights.col.who')}</th>
              </tr>
            </thead>
            <tbody>
              {insights.movements.map((m) => {
                const note = records.note(m.note);
                return (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.occurredAt, locale, insights.timeZone)}</td>
                    <td className="cell-mono">{m.sku}</td>
                    <td>{m.location}</td>
                    <td className={m.delta < 0 ? 'num negative' : 'num positive'}>{m.delta > 0 ? `+${formatNumber(m.delta, locale)}` : formatNumber(m.delta, locale)}</td>
                    <td>
                      {tKey(`movement.${m.reason}`, 'movement.other')}
                      {m.reasonCode && m.reasonCode !== m.reason ? <span className="muted"> · {records.reasonCode(m.reasonCode)}</span> : null}
                      {note ? <span className="muted"> · {note}</span> : null}
                    </td>
                    <td>{records.reference(m.refType, m.refId)}</td>
                    <td>{records.actor(m.actor)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

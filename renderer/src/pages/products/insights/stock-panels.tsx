// Stock by location and the ledger history of the product's variants.
import type { ReactNode } from 'react';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/context.js';
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
        <p className="muted">{t('insights.stock.empty')}</p>
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
  return (
    <Panel title={t('insights.ledger.title')} testId="insights-ledger" wide>
      {insights.movements.length === 0 ? (
        <p className="muted">{t('insights.ledger.empty')}</p>
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
              {insights.movements.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.occurredAt, locale, insights.timeZone)}</td>
                  <td className="cell-mono">{m.sku}</td>
                  <td>{m.location}</td>
                  <td className={m.delta < 0 ? 'num negative' : 'num positive'}>{m.delta > 0 ? `+${m.delta}` : m.delta}</td>
                  <td>
                    {tKey(`movement.${m.reason}`, 'movement.other')}
                    {m.reasonCode ? <span className="muted"> · {m.reasonCode}</span> : null}
                    {m.note ? <span className="muted"> · {m.note}</span> : null}
                  </td>
                  <td className="cell-mono">{[m.refType, m.refId].filter(Boolean).join(' ')}</td>
                  <td>{m.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

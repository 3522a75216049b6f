// The lines of a purchase order; while it can be received, each line has a
// "receive now" quantity that starts empty (see ReceivePanel.tsx).
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { NumberField } from '../../components/number-field.js';
import { useCan } from '../../app/team-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { receiveQuantityRule, type ReceiptDraft } from './ReceivePanel.js';

type Po = MethodOutput<'purchaseOrders.get'>;

export function OrderLinesTable({ po, draft }: { po: Po; draft: ReceiptDraft | null }): ReactNode {
  const { t, locale } = useI18n();
  // Unit costs and totals are blanked by the core without costs.view: not shown then.
  const seesCosts = useCan()('costs.view');
  const money = (minor: number) => formatMoney(minor, po.currency, locale);
  return (
    <table className="table" data-testid="po-lines">
      <thead>
        <tr>
          <th>{t('columns.sku')}</th>
          <th>{t('columns.title')}</th>
          <th className="num">{t('po.ordered')}</th>
          <th className="num">{t('transfer.received')}</th>
          <th className="num">{t('po.outstanding')}</th>
          {seesCosts ? <th className="num">{t('field.unitCost')}</th> : null}
          {seesCosts ? <th className="num">{t('po.lineTotal')}</th> : null}
          {draft ? <th className="num">{t('transfer.receiveNow')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {po.lines.map((line) => (
          <tr key={line.id}>
            <td className="cell-mono">{line.sku}</td>
            <td>
              {line.title} <span className="muted">{line.options}</span>
            </td>
            <td className="num">{formatNumber(line.quantityOrdered, locale)}</td>
            <td className="num">{formatNumber(line.quantityReceived, locale)}</td>
            <td className="num">{formatNumber(line.outstanding, locale)}</td>
            {seesCosts ? <td className="num">{money(line.unitCost)}</td> : null}
            {seesCosts ? <td className="num">{money(line.lineTotal)}</td> : null}
            {draft ? (
              <td className="num">
                <NumberField
                  className="qty"
                  value={draft.quantities[line.id] ?? ''}
                  onChange={(text) => draft.setQuantity(line.id, text)}
                  rule={receiveQuantityRule}
                  showProblem={draft.showProblems}
                  aria-label={t('receive.quantity', { sku: line.sku })}
                  data-testid={`receive-${line.sku}`}
                />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

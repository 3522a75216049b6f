// A supplier's price list: what it sells us (supplier SKU, cost, pack size,
// minimum order, lead time, preferred). Reorder suggestions and new purchase
// orders read these.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { Supplier } from '../../../../src/purchasing/contract.js';
import { ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { useCan } from '../../app/team-context.js';
import { findVariant } from '../../api/lookup.js';
import { useToasts } from '../../components/toasts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, majorToMinor } from '../../i18n/format.js';
import { moneyRule, NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';

type Items = MethodOutput<'supplierItems.list'>;
/** Pack size and minimum order: whole units, at least 1 (empty: 1). */
const countRule: NumberRule = { integer: true, min: 1 };
/** Lead time in whole days (empty: the supplier's). */
const daysRule: NumberRule = { integer: true, min: 0 };

export function SupplierItems({ supplier }: { supplier: Supplier }): ReactNode {
  const { t, locale } = useI18n();
  // Supplier costs are blanked by the core without costs.view: the column is left out then.
  const seesCosts = useCan()('costs.view');
  const { showError, showSuccess } = useToasts();
  const [items, setItems] = useState<Items | null>(null);
  const [draft, setDraft] = useState({ code: '', supplierSku: '', cost: '', pack: '1', moq: '1', lead: '', preferred: true });
  // Typed numbers are read like every typed number (components/number-field.tsx); a refused Add says why.
  const numbers = useNumberInput();
  const [tried, setTried] = useState(false);
  const costRule = moneyRule(supplier.currency, { required: true });

  const load = useCallback(() => call('supplierItems.list', { supplierId: supplier.id, limit: 500 }).then(setItems, showError), [supplier.id, showError]);
  useEffect(() => void load(), [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const cost = numbers.check(draft.cost, costRule);
    const pack = numbers.check(draft.pack, countRule);
    const moq = numbers.check(draft.moq, countRule);
    const lead = numbers.check(draft.lead, daysRule);
    if (!cost.ok || !pack.ok || !moq.ok || !lead.ok || cost.value === null) {
      setTried(true);
      return;
    }
    try {
      const variant = await findVariant(draft.code);
      if (!variant) throw new ApiError('NOT_FOUND', draft.code, { key: 'unknownScanCode', params: { code: draft.code } });
      await call('supplierItems.upsert', {
        supplierId: supplier.id,
        variantId: variant.variantId,
        supplierSku: draft.supplierSku.trim() || null,
        cost: majorToMinor(cost.value, supplier.currency),
        packSize: pack.value ?? 1,
        moq: moq.value ?? 1,
        leadTimeDays: lead.value,
        preferred: draft.preferred,
      });
      setDraft({ ...draft, code: '', supplierSku: '', cost: '' });
      setTried(false);
      showSuccess('supplier.itemSaved');
      await load();
    } catch (error) {
      showError(error);
    }
  };
  const remove = async (supplierItemId: number) => {
    try {
      await call('supplierItems.remove', { supplierItemId });
      await load();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="card" data-testid="supplier-items">
      <h2>{t('supplier.priceList', { name: supplier.name })}</h2>
      <form className="field-row" onSubmit={add}>
        <input required placeholder={t('stock.skuOrBarcode')} aria-label={t('stock.skuOrBarcode')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
        <input placeholder={t('insights.col.supplierSku')} aria-label={t('insights.col.supplierSku')} value={draft.supplierSku} onChange={(e) => setDraft({ ...draft, supplierSku: e.target.value })} />
        <NumberField required rule={costRule} showProblem={tried} placeholder={t('supplier.costIn', { currency: supplier.currency })} aria-label={t('supplier.costIn', { currency: supplier.currency })} value={draft.cost} onChange={(text) => setDraft({ ...draft, cost: text })} />
        <NumberField rule={countRule} showProblem={tried} placeholder={t('supplier.pack')} aria-label={t('supplier.pack')} value={draft.pack} onChange={(text) => setDraft({ ...draft, pack: text })} />
        <NumberField rule={countRule} showProblem={tried} placeholder={t('supplier.moq')} aria-label={t('supplier.moq')} value={draft.moq} onChange={(text) => setDraft({ ...draft, moq: text })} />
        <NumberField rule={daysRule} showProblem={tried} placeholder={t('supplier.leadTime')} aria-label={t('supplier.leadTime')} value={draft.lead} onChange={(text) => setDraft({ ...draft, lead: text })} />
        <label className="check">
          <input type="checkbox" checked={draft.preferred} onChange={(e) => setDraft({ ...draft, preferred: e.target.checked })} /> {t('insights.preferred')}
        </label>
        <button type="submit" className="button button-small button-primary">
          {t('common.add')}
        </button>
      </form>
      {items === null ? <PanelSkeleton lines={3} /> : null}
      {items?.rows.length === 0 ? <EmptyState title={t('pages.empty.supplierItems')} hint={t('pages.empty.supplierItemsHint')} testId="supplier-items-empty" /> : null}
      <table className="table" hidden={!items || items.rows.length === 0}>
        <thead>
          <tr>
            <th>{t('columns.sku')}</th>
            <th>{t('columns.title')}</th>
            <th>{t('insights.col.supplierSku')}</th>
            {seesCosts ? <th className="num">{t('insights.col.cost')}</th> : null}
            <th className="num">{t('insights.col.pack')}</th>
            <th className="num">{t('insights.col.leadTime')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(items?.rows ?? []).map((item) => (
            <tr key={item.id}>
              <td className="cell-mono">{item.sku}</td>
              <td>
                {item.title} {item.preferred ? <span className="pill">{t('insights.preferred')}</span> : null}
              </td>
              <td>{item.supplierSku ?? ''}</td>
              {seesCosts ? <td className="num">{formatMoney(item.cost, supplier.currency, locale)}</td> : null}
              <td className="num">
                {item.packSize} / {item.moq}
              </td>
              <td className="num">{t('insights.days', { n: item.leadTimeDays ?? supplier.leadTimeDays })}</td>
              <td>
                <button type="button" className="button button-small" onClick={() => void remove(item.id)}>
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A supplier's price list: what it sells us (supplier SKU, cost, pack size,
// minimum order, lead time, preferred). Reorder suggestions and new purchase
// orders read these.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { Supplier } from '../../../../src/purchasing/contract.js';
import { ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { findVariant } from '../../api/lookup.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, majorToMinor } from '../../i18n/format.js';

type Items = MethodOutput<'supplierItems.list'>;

export function SupplierItems({ supplier }: { supplier: Supplier }): ReactNode {
  const { t, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [items, setItems] = useState<Items | null>(null);
  const [draft, setDraft] = useState({ code: '', supplierSku: '', cost: '', pack: '1', moq: '1', lead: '', preferred: true });

  const load = useCallback(() => call('supplierItems.list', { supplierId: supplier.id, limit: 500 }).then(setItems, showError), [supplier.id, showError]);
  useEffect(() => void load(), [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const variant = await findVariant(draft.code);
      if (!variant) throw new ApiError('NOT_FOUND', draft.code, { key: 'unknownScanCode', params: { code: draft.code } });
      await call('supplierItems.upsert', {
        supplierId: supplier.id,
        variantId: variant.variantId,
        supplierSku: draft.supplierSku.trim() || null,
        cost: majorToMinor(Number(draft.cost.replace(',', '.')), supplier.currency),
        packSize: Number(draft.pack) || 1,
        moq: Number(draft.moq) || 1,
        leadTimeDays: draft.lead.trim() === '' ? null : Number(draft.lead),
        preferred: draft.preferred,
      });
      setDraft({ ...draft, code: '', supplierSku: '', cost: '' });
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
        <input required placeholder={t('supplier.costIn', { currency: supplier.currency })} aria-label={t('supplier.costIn', { currency: supplier.currency })} inputMode="decimal" value={draft.cost} onChange={(e) => setDraft({ ...draft, cost: e.target.value })} />
        <input placeholder={t('supplier.pack')} aria-label={t('supplier.pack')} inputMode="numeric" value={draft.pack} onChange={(e) => setDraft({ ...draft, pack: e.target.value })} />
        <input placeholder={t('supplier.moq')} aria-label={t('supplier.moq')} inputMode="numeric" value={draft.moq} onChange={(e) => setDraft({ ...draft, moq: e.target.value })} />
        <input placeholder={t('supplier.leadTime')} aria-label={t('supplier.leadTime')} inputMode="numeric" value={draft.lead} onChange={(e) => setDraft({ ...draft, lead: e.target.value })} />
        <label className="check">
          <input type="checkbox" checked={draft.preferred} onChange={(e) => setDraft({ ...draft, preferred: e.target.checked })} /> {t('insights.preferred')}
        </label>
        <button type="submit" className="button button-small button-primary">
          {t('common.add')}
        </button>
      </form>
      <table className="table">
        <thead>
          <tr>
            <th>{t('columns.sku')}</th>
            <th>{t('columns.title')}</th>
            <th>{t('insights.col.supplierSku')}</th>
            <th className="num">{t('insights.col.cost')}</th>
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
              <td className="num">{formatMoney(item.cost, supplier.currency, locale)}</td>
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

// Per variant: when stock counts as low, and whether safety stock is set by
// hand per location or computed from demand (z × σd × √L, see Reorder).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';

type Card = MethodOutput<'stock.forVariant'>;
interface Draft {
  lowStockAt: string;
  safetyMode: Card['safetyMode'];
  safety: Record<number, string>;
}

const toDraft = (card: Card): Draft => ({
  lowStockAt: card.lowStockAt === null ? '' : String(card.lowStockAt),
  safetyMode: card.safetyMode,
  safety: Object.fromEntries(card.rows.filter((r) => r.kind !== 'transit').map((r) => [r.locationId, r.safetyStock === null ? '' : String(r.safetyStock)])),
});
const orNull = (text: string) => (text.trim() === '' ? null : Number(text));

export function StockRules({ variantIds }: { variantIds: readonly number[] }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [cards, setCards] = useState<Card[]>([]);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});

  const load = useCallback(async () => {
    const loaded = await Promise.all(variantIds.map((variantId) => call('stock.forVariant', { variantId })));
    setCards(loaded);
    setDrafts(Object.fromEntries(loaded.map((card) => [card.variantId, toDraft(card)])));
  }, [variantIds]);
  useEffect(() => {
    load().catch(showError);
  }, [load, showError]);

  const save = async () => {
    try {
      for (const card of cards) {
        const draft = drafts[card.variantId];
        if (!draft || JSON.stringify(draft) === JSON.stringify(toDraft(card))) continue;
        await call('stock.setRules', {
          variantId: card.variantId,
          lowStockAt: orNull(draft.lowStockAt),
          safetyMode: draft.safetyMode,
          safetyStock: Object.entries(draft.safety).map(([locationId, quantity]) => ({ locationId: Number(locationId), quantity: orNull(quantity) })),
        });
      }
      showSuccess('products.saved');
      await load();
    } catch (error) {
      showError(error);
    }
  };
  const locations = cards[0]?.rows.filter((r) => r.kind !== 'transit') ?? [];
  const set = (variantId: number, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [variantId]: { ...(all[variantId] as Draft), ...change } }));

  return (
    <div className="card" data-testid="stock-rules">
      <h2>{t('rules.title')}</h2>
      <p className="muted small">{t('rules.how')}</p>
      <table className="table table-edit">
        <thead>
          <tr>
            <th>{t('columns.sku')}</th>
            <th>{t('rules.lowStockAt')}</th>
            <th>{t('rules.safetyMode')}</th>
            {locations.map((l) => (
              <th key={l.locationId}>{t('rules.safetyAt', { location: l.location })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => {
            const draft = drafts[card.variantId];
            if (!draft) return null;
            return (
              <tr key={card.variantId}>
                <td className="cell-mono">{card.sku}</td>
                <td>
                  <input inputMode="numeric" value={draft.lowStockAt} onChange={(e) => set(card.variantId, { lowStockAt: e.target.value })} aria-label={`${card.sku} ${t('rules.lowStockAt')}`} />
                </td>
                <td>
                  <select value={draft.safetyMode} onChange={(e) => set(card.variantId, { safetyMode: e.target.value as Card['safetyMode'] })}>
                    <option value="manual">{t('rules.manual')}</option>
                    <option value="computed">{t('rules.computed')}</option>
                  </select>
                </td>
                {locations.map((l) => (
                  <td key={l.locationId}>
                    <input
                      inputMode="numeric"
                      disabled={draft.safetyMode === 'computed'}
                      value={draft.safety[l.locationId] ?? ''}
                      onChange={(e) => set(card.variantId, { safety: { ...draft.safety, [l.locationId]: e.target.value } })}
                      aria-label={`${card.sku} ${t('rules.safetyAt', { location: l.location })}`}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void save()}>
          {t('rules.save')}
        </button>
      </div>
    </div>
  );
}

// Per variant: when stock counts as low, and whether safety stock is set by
// hand per location or computed from demand (z × σd × √L, see Reorder).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useToasts } from '../../components/toasts.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';

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
/** Low-stock limits and safety stock: whole units, empty = not set. */
const unitsRule: NumberRule = { integer: true, min: 0 };

export function StockRules({ variantIds }: { variantIds: readonly number[] }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [cards, setCards] = useState<Card[]>([]);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const numbers = useNumberInput();
  // After a refused Save, every field shows its problem.
  const [tried, setTried] = useState(false);

  const load = useCallback(async () => {
    const loaded = await Promise.all(variantIds.map((variantId) => call('stock.forVariant', { variantId })));
    setCards(loaded);
    setDrafts(Object.fromEntries(loaded.map((card) => [card.variantId, toDraft(card)])));
  }, [variantIds]);
  useEffect(() => {
    load().catch(showError);
  }, [load, showError]);

  const save = async () => {
    // Nothing is saved while a field is not taken: each says why.
    const all = Object.values(drafts).flatMap((draft) => [draft.lowStockAt, ...Object.values(draft.safety)]);
    if (all.some((text) => !numbers.check(text, unitsRule).ok)) {
      setTried(true);
      return;
    }
    const units = (text: string): number | null => {
      const check = numbers.check(text, unitsRule);
      return check.ok ? check.value : null;
    };
    try {
      for (const card of cards) {
        const draft = drafts[card.variantId];
        if (!draft || JSON.stringify(draft) === JSON.stringify(toDraft(card))) continue;
        await call('stock.setRules', {
          variantId: card.variantId,
          lowStockAt: units(draft.lowStockAt),
          safetyMode: draft.safetyMode,
          safetyStock: Object.entries(draft.safety).map(([locationId, quantity]) => ({ locationId: Number(locationId), quantity: units(quantity) })),
        });
      }
      setTried(false);
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
      {cards.length === 0 && variantIds.length > 0 ? <PanelSkeleton lines={3} /> : null}
      <table className="table table-edit" hidden={cards.length === 0}>
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
                  <NumberField
                    rule={unitsRule}
                    showProblem={tried}
                    value={draft.lowStockAt}
                    onChange={(text) => set(card.variantId, { lowStockAt: text })}
                    aria-label={`${card.sku} ${t('rules.lowStockAt')}`}
                  />
                </td>
                <td>
                  <select value={draft.safetyMode} onChange={(e) => set(card.variantId, { safetyMode: e.target.value as Card['safetyMode'] })}>
                    <option value="manual">{t('rules.manual')}</option>
                    <option value="computed">{t('rules.computed')}</option>
                  </select>
                </td>
                {locations.map((l) => (
                  <td key={l.locationId}>
                    <NumberField
                      rule={unitsRule}
                      showProblem={tried}
                      disabled={draft.safetyMode === 'computed'}
                      value={draft.safety[l.locationId] ?? ''}
                      onChange={(text) => set(card.variantId, { safety: { ...draft.safety, [l.locationId]: text } })}
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

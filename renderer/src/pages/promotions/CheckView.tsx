// What the conflict finder and margin guard found: how many variants the
// promotion touches, every SKU where another promotion applies at the same
// time with the price a customer pays in each combination (and its margin,
// below-floor ones marked), and the SKUs whose margin falls below the floor.
import type { ReactNode } from 'react';
import type { CheckResult } from '../../../../src/promotions/contract.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { formatBp, keyedText } from './promotion-texts.js';

type Names = ReadonlyMap<number, string>;

/**
 * The names of the promotions in a combination: the others by name, the one being checked as
 * "this promotion" (an unsaved one has no id of its own, so any id not among the others is it).
 */
function comboName(ids: readonly number[], names: Names, self: string): string {
  return ids.map((id) => names.get(id) ?? self).join(' + ');
}

/** `compact`: the editor's side panel — the product under its SKU, the other promotions only in the combination. */
export function CheckView({ check, compact = false }: { check: CheckResult; compact?: boolean }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  // Margins come from costs: without costs.view the core blanks them and the column is left out.
  const seesCosts = useCan()('costs.view');
  const money = (minor: number) => formatMoney(minor, settings.currency, locale);
  const names = new Map<number, string>();
  for (const row of check.conflicts) for (const other of row.otherPromotions) names.set(other.id, other.name);
  const self = t('promotions.check.thisOne');

  return (
    <div className="promo-check" data-testid="promo-check">
      <dl className="promo-facts">
        <div>
          <dt>{t('promotions.check.variants')}</dt>
          <dd data-testid="promo-check-variants">{formatNumber(check.variantCount, locale)}</dd>
        </div>
        <div>
          <dt>{t('promotions.check.conflicts')}</dt>
          <dd data-testid="promo-check-conflicts">{formatNumber(check.conflictCount, locale)}</dd>
        </div>
        <div>
          <dt>{t('promotions.check.breaches')}</dt>
          <dd data-testid="promo-check-breaches" className={check.breachCount > 0 ? 'negative' : undefined}>
            {formatNumber(check.breachCount, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('promotions.check.noCost')}</dt>
          <dd data-testid="promo-check-no-cost">{formatNumber(check.noCostCount, locale)}</dd>
        </div>
      </dl>
      {check.note ? <p className="muted small">{keyedText(check.note, i18n, 'promotions.check.', 'promotions.check.deepestPerUnit')}</p> : null}
      {check.noCostCount > 0 ? <p className="muted small">{t('promotions.check.noCostHint', { count: formatNumber(check.noCostCount, locale) })}</p> : null}

      <h3>{t('promotions.check.conflictsTitle')}</h3>
      {check.conflicts.length === 0 ? (
        <p className="muted small" data-testid="promo-conflicts-none">
          {t('promotions.check.noConflicts')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="promo-conflicts">
            <thead>
              <tr>
                <th>{t('promotions.col.sku')}</th>
                {compact ? null : (
                  <>
                    <th>{t('promotions.col.title')}</th>
                    <th className="num">{t('promotions.col.regular')}</th>
                    <th>{t('promotions.col.others')}</th>
                  </>
                )}
                <th>{t('promotions.col.combination')}</th>
                <th className="num">{t('promotions.col.customerPays')}</th>
                {seesCosts ? <th className="num">{t('promotions.col.margin')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {check.conflicts.flatMap((row) =>
                row.combos.map((combo, i) => (
                  <tr key={`${row.variantId}-${i}`} className={combo.belowFloor ? 'promo-below' : undefined} data-testid="promo-conflict-row" data-sku={row.sku}>
                    {i === 0 && compact ? (
                      <td rowSpan={row.combos.length}>
                        <span className="cell-mono">{row.sku}</span>
                        <span className="muted small block">
                          {row.title} · {money(row.regularPrice)}
                        </span>
                      </td>
                    ) : null}
                    {i === 0 && !compact ? (
                      <>
                        <td rowSpan={row.combos.length} className="cell-mono">
                          {row.sku}
                        </td>
                        <td rowSpan={row.combos.length}>{row.title}</td>
                        <td rowSpan={row.combos.length} className="num">
                          {money(row.regularPrice)}
                        </td>
                        <td rowSpan={row.combos.length}>
                          {row.otherPromotions.map((other) => (
                            <a key={other.id} href={`#/promotions/${other.id}`} className="block">
                              {other.name}{' '}
                              <span className="muted small">
                                {t(`promotions.stacking.${other.stacking}`)} · {t('promotions.priorityShort', { priority: other.priority })}
                              </span>
                            </a>
                          ))}
                        </td>
                      </>
                    ) : null}
                    <td>{comboName(combo.promotionIds, names, self)}</td>
                    <td className="num" data-testid="promo-combo-price">
                      {money(combo.unitPrice)}
                    </td>
                    {seesCosts ? (
                      <td className="num">
                        {formatBp(combo.marginBp, locale)}
                        {combo.belowFloor ? (
                          <span className="pill promo-pill-below" title={t('promotions.check.floor', { floor: formatBp(combo.floorBp, locale) })}>
                            {t('promotions.check.belowFloor')}
                          </span>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('promotions.check.breachesTitle')}</h3>
      <BreachTable check={check} compact={compact} />
      {check.truncated ? <p className="muted small">{t('promotions.check.truncated')}</p> : null}
    </div>
  );
}

export function BreachTable({ check, compact = false }: { check: CheckResult; compact?: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const seesCosts = useCan()('costs.view');
  const money = (minor: number) => formatMoney(minor, settings.currency, locale);
  if (check.breaches.length === 0) {
    return (
      <p className="muted small" data-testid="promo-breaches-none">
        {t('promotions.check.noBreaches')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" data-testid="promo-breaches">
        <thead>
          <tr>
            <th>{t('promotions.col.sku')}</th>
            {compact ? null : <th>{t('promotions.col.title')}</th>}
            {compact ? null : <th className="num">{t('promotions.col.regular')}</th>}
            <th className="num">{t('promotions.col.effective')}</th>
            {seesCosts ? <th className="num">{t('promotions.col.cost')}</th> : null}
            {compact ? null : <th className="num">{t('promotions.col.fee')}</th>}
            {seesCosts ? <th className="num">{t('promotions.col.margin')}</th> : null}
            <th className="num">{t('promotions.col.floor')}</th>
          </tr>
        </thead>
        <tbody>
          {check.breaches.map((row) => (
            <tr key={`${row.variantId}-${row.promotionIds.join('-')}`} className="promo-below" data-testid="promo-breach-row" data-sku={row.sku}>
              {compact ? (
                <td>
                  <span className="cell-mono">{row.sku}</span>
                  <span className="muted small block">
                    {row.title} · {money(row.regularPrice)}
                  </span>
                </td>
              ) : (
                <>
                  <td className="cell-mono">{row.sku}</td>
                  <td>{row.title}</td>
                  <td className="num">{money(row.regularPrice)}</td>
                </>
              )}
              <td className="num">{money(row.unitPrice)}</td>
              {seesCosts ? <td className="num">{money(row.cost)}</td> : null}
              {compact ? null : <td className="num">{money(row.fee)}</td>}
              {seesCosts ? <td className="num negative">{formatBp(row.marginBp, locale)}</td> : null}
              <td className="num">{formatBp(row.floorBp, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

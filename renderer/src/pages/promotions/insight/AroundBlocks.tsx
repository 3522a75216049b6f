// What happened around the promotion: the pull-forward dip in the 14 days after it, sales the
// same categories' other products lost (or gained), and whether its customers were new or
// returning — with the new customers' repeat orders, so the owner sees who made the ROI.
import type { ReactNode } from 'react';
import type { Evaluation } from '../../../../../src/promotions/insight-contract.js';
import { useI18n } from '../../../i18n/context.js';
import { formatNumber } from '../../../i18n/format.js';
import type { Figures } from './insight-format.js';

export function AroundBlocks({ evaluation: e, f }: { evaluation: Evaluation; f: Figures }): ReactNode {
  const { t, locale } = useI18n();
  const { pullForward: pf, cannibalisation: can, customers: c } = e;
  const share = (part: number, whole: number) => (whole > 0 ? f.percent(part / whole) : '—');
  return (
    <div className="promo-around">
      <section className="card" data-testid="promo-eval-pull-forward">
        <h2>{t('promotions.insight.eval.pullTitle', { days: formatNumber(pf.days, locale) })}</h2>
        {e.state === 'live' ? (
          <p className="muted">{t('promotions.insight.eval.pullLater', { days: formatNumber(pf.days, locale) })}</p>
        ) : (
          <>
            <p>
              <strong data-testid="promo-eval-dip">{f.signedUnits(pf.dipUnits)}</strong>{' '}
              {t('promotions.insight.eval.pullLine', { units: formatNumber(pf.units, locale), baseline: f.units(pf.baselineUnits) })}
            </p>
            <p className="muted small">
              {pf.dipUnits < 0 ? t('promotions.insight.eval.pullDip') : t('promotions.insight.eval.pullNoDip')}
              {pf.complete ? '' : ` ${t('promotions.insight.eval.pullOpen')}`}
            </p>
          </>
        )}
        <p className="muted small promo-how">{t('promotions.insight.eval.pullHow', { days: formatNumber(pf.days, locale) })}</p>
      </section>

      <section className="card" data-testid="promo-eval-cannibalisation">
        <h2>{t('promotions.insight.eval.canTitle')}</h2>
        {can.skus === 0 ? (
          <p className="muted">{t('promotions.insight.eval.canNone')}</p>
        ) : (
          <>
            <p>
              <strong data-testid="promo-eval-can-diff">{f.signedMoney(can.differenceNetSales)}</strong>{' '}
              {t('promotions.insight.eval.canLine', { skus: formatNumber(can.skus, locale), sales: f.money(can.netSales), baseline: f.money(Math.round(can.baselineNetSales)) })}
            </p>
            <p className="muted small">{can.differenceNetSales < 0 ? t('promotions.insight.eval.canLost') : t('promotions.insight.eval.canNotLost')}</p>
          </>
        )}
        <p className="muted small promo-how">{t('promotions.insight.eval.canHow')}</p>
      </section>

      <section className="card" data-testid="promo-eval-customers">
        <h2>{t('promotions.insight.eval.custTitle')}</h2>
        {c.total === 0 ? (
          <p className="muted">{t('promotions.insight.eval.custNone')}</p>
        ) : (
          <>
            <table className="table promo-mini-table">
              <thead>
                <tr>
                  <th />
                  <th className="num">{t('promotions.insight.eval.custCount')}</th>
                  <th className="num">{t('promotions.insight.eval.custSales')}</th>
                </tr>
              </thead>
              <tbody>
                <tr data-testid="promo-eval-cust-new">
                  <td>{t('promotions.insight.eval.custNew')}</td>
                  <td className="num">
                    {formatNumber(c.new, locale)} <span className="muted small">({share(c.new, c.total)})</span>
                  </td>
                  <td className="num">{f.money(c.netSalesNew)}</td>
                </tr>
                <tr data-testid="promo-eval-cust-returning">
                  <td>{t('promotions.insight.eval.custReturning')}</td>
                  <td className="num">
                    {formatNumber(c.returning, locale)} <span className="muted small">({share(c.returning, c.total)})</span>
                  </td>
                  <td className="num">{f.money(c.netSalesReturning)}</td>
                </tr>
              </tbody>
            </table>
            {c.new > 0 ? (
              <p data-testid="promo-eval-cust-repeat">
                {t('promotions.insight.eval.custRepeat', { customers: formatNumber(c.newRepeatCustomers, locale), orders: formatNumber(c.newRepeatOrders, locale), of: formatNumber(c.new, locale) })}
              </p>
            ) : (
              <p data-testid="promo-eval-cust-repeat">{t('promotions.insight.eval.custNoNew')}</p>
            )}
            <p className="muted small">
              {c.new > 0 && c.netSalesNew + c.netSalesReturning > 0
                ? t('promotions.insight.eval.custWho', { share: share(c.netSalesNew, c.netSalesNew + c.netSalesReturning) })
                : null}
            </p>
          </>
        )}
        <p className="muted small promo-how">{t('promotions.insight.eval.custHow')}</p>
      </section>
    </div>
  );
}

// A segment campaign's audience: the segment's customers split into the send list (treatment)
// and the held-out control group — frozen when the campaign was scheduled, a preview before —
// listed with each one's group and code, and the send list exported.
import { useState, type ReactNode } from 'react';
import type { PromotionDetail } from '../../../../../src/promotions/contract.js';
import type { AudienceRow } from '../../../../../src/promotions/coupon-contract.js';
import type { ExportColumn } from '../../../../../src/exports/contract.js';
import { call } from '../../../api/client.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { Loaded } from '../../../components/Loading.js';
import { Pager } from '../../../components/Pager.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import type { MessageKey } from '../../../i18n/en.js';
import { formatNumber } from '../../../i18n/format.js';
import { formatBp } from '../promotion-texts.js';

const pageSize = 50;
const groups = ['all', 'treatment', 'control'] as const;
type Group = (typeof groups)[number];

export function AudienceBlock({ promotion }: { promotion: PromotionDetail }): ReactNode {
  const { t, locale } = useI18n();
  const [group, setGroup] = useState<Group>('all');
  const [offset, setOffset] = useState(0);
  const promotionId = promotion.id;
  const load = useLoad(() => call('promotions.audience', { promotionId, group, offset, limit: pageSize }), [promotionId, group, offset]);

  const columns = (): ExportColumn[] => [
    { field: 'name', header: t('promotions.insight.audience.name'), kind: 'text' },
    { field: 'email', header: t('promotions.insight.audience.email'), kind: 'text' },
    { field: 'phone', header: t('promotions.insight.audience.phone'), kind: 'text' },
    { field: 'code', header: t('promotions.insight.coupons.code'), kind: 'text' },
  ];

  return (
    <section className="card" data-testid="promo-audience">
      <header className="card-header">
        <h2>{t('promotions.insight.audience.title', { segment: t(`analytics.segment.${promotion.segmentCode ?? ''}` as MessageKey) })}</h2>
        <div className="page-actions">
          <ExportMenu source="promotions.audience" query={{ promotionId, group: 'treatment' }} columns={columns} fileName={t('promotions.insight.audience.fileName', { name: promotion.name })} />
        </div>
      </header>
      {load.data ? (
        <p data-testid="promo-audience-counts">
          <span className={load.data.frozen ? 'pill promo-pill-final' : 'pill'} data-testid="promo-audience-frozen" data-frozen={load.data.frozen}>
            {load.data.frozen ? t('promotions.insight.audience.frozen') : t('promotions.insight.audience.preview')}
          </span>{' '}
          {t('promotions.insight.audience.counts', {
            treatment: formatNumber(load.data.treatment, locale),
            control: formatNumber(load.data.control, locale),
            share: formatBp(promotion.controlShareBp, locale),
          })}
        </p>
      ) : null}
      <p className="muted small">{t('promotions.insight.audience.how')}</p>
      <div className="chips" role="group" aria-label={t('promotions.insight.audience.group')}>
        {groups.map((name) => (
          <button
            key={name}
            type="button"
            className={name === group ? 'chip active' : 'chip'}
            aria-pressed={name === group}
            onClick={() => {
              setGroup(name);
              setOffset(0);
            }}
            data-testid={`promo-audience-${name}`}
          >
            {t(`promotions.insight.audience.group.${name}`)}
          </button>
        ))}
      </div>
      <Loaded load={load} lines={5}>
        {(list) =>
          list.rows.length === 0 ? (
            <EmptyState title={t('promotions.insight.audience.empty')} hint={t('promotions.insight.audience.emptyHint')} testId="promo-audience-empty" />
          ) : (
            <>
              <Pager offset={offset} total={list.total} size={pageSize} onChange={setOffset} placement="top" />
              <table className="table" data-testid="promo-audience-table">
                <thead>
                  <tr>
                    <th>{t('promotions.insight.audience.name')}</th>
                    <th>{t('promotions.insight.audience.contact')}</th>
                    <th>{t('promotions.insight.audience.groupCol')}</th>
                    <th>{t('promotions.insight.coupons.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row: AudienceRow) => (
                    <tr key={row.customerId} data-testid="promo-audience-row">
                      <td>{row.name}</td>
                      <td>{[row.email, row.phone].filter((v) => v).join(' · ') || '—'}</td>
                      <td>{row.inControl ? t('promotions.insight.ab.control') : t('promotions.insight.ab.treatment')}</td>
                      <td className="promo-code">{row.code ?? (row.inControl ? <span className="muted">{t('promotions.insight.audience.noCodeControl')}</span> : <span className="muted">{t('promotions.insight.audience.noCodeYet')}</span>)}</td>
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

// The weekly operations health reports saved in the reports folder: each
// week's PDF and XLSX to download, and "Generate now" for a chosen week (the
// last complete week by default; the core writes that one by itself too). The
// chosen week is in the URL (`?week=<Monday>`), like the other pages' periods.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { Locale } from '../../../../src/settings/contract.js';
import { call } from '../../api/client.js';
import { saveFile } from '../../api/files.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { hashQuery, setHashQuery, useHash } from './period-route.js';

type Listing = MethodOutput<'reports.list'>;
/** How many past weeks the week picker offers. */
const weeksOffered = 26;

/** 'YYYY-MM-DD' plus whole days (calendar arithmetic in UTC, so no zone shifts). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function ReportsPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const [listing, setListing] = useState<Listing | null>(null);
  const [language, setLanguage] = useState<Locale>(locale);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => call('reports.list', {}).then(setListing, showError), [showError]);
  useEffect(() => {
    void load();
  }, [load]);

  const latest = listing?.lastCompleteWeek.from ?? null;
  const weeks = latest ? Array.from({ length: weeksOffered }, (_, i) => addDays(latest, -7 * i)) : [];
  const params = new URLSearchParams(hashQuery(useHash()));
  const asked = params.get('week');
  // Only a week the picker offers: anything else in the URL falls back to the last complete week.
  const chosen = asked !== null && weeks.includes(asked) ? asked : latest;
  const setWeek = (monday: string) => {
    params.set('week', monday);
    setHashQuery(params.toString());
  };
  const range = (from: string) => t('reports.weekRange', { from, to: addDays(from, 6) });

  const generate = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await call('reports.generate', { week: chosen, language });
      showSuccess('reports.generated');
      await load();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const download = (id: string, format: 'pdf' | 'xlsx') => call('reports.file', { id, format }).then(saveFile, showError);

  return (
    <div className="page" data-testid="reports-page">
      <div className="page-header">
        <h1>{t('reports.title')}</h1>
      </div>
      <div className="card">
        <p className="muted small how">{t('reports.how')}</p>
        <div className="toolbar" style={{ alignItems: 'flex-end' }}>
          <label className="field">
            <span>{t('reports.week')}</span>
            <select value={chosen ?? ''} onChange={(e) => setWeek(e.target.value)} data-testid="reports-week" disabled={!latest}>
              {weeks.map((monday) => (
                <option key={monday} value={monday}>
                  {range(monday)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('reports.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Locale)} data-testid="reports-language">
              <option value="en">{t('lang.en')}</option>
              <option value="zh-CN">{t('lang.zh-CN')}</option>
            </select>
          </label>
          <button type="button" className="button button-primary" onClick={() => void generate()} disabled={busy || !chosen} data-testid="reports-generate">
            {busy ? t('reports.generating') : t('reports.generate')}
          </button>
        </div>
        <p className="muted small">{t('reports.replaces')}</p>
      </div>
      <div className="card">
        {listing === null ? (
          <PanelSkeleton lines={4} />
        ) : listing.reports.length === 0 ? (
          <EmptyState title={t('pages.empty.reports')} hint={t('reports.empty')} testId="reports-empty" />
        ) : (
          <table className="table" data-testid="reports-table">
            <thead>
              <tr>
                <th>{t('reports.week')}</th>
                <th>{t('reports.language')}</th>
                <th>{t('reports.created')}</th>
                <th className="num">{t('reports.pages')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(listing?.reports ?? []).map((report) => (
                <tr key={report.id} data-testid={`report-${report.id}`}>
                  <td>{range(report.week.from)}</td>
                  <td>{t(`lang.${report.language}`)}</td>
                  <td>{formatDateTime(report.createdAt, locale, settings.timeZone)}</td>
                  <td className="num">{formatNumber(report.pages, locale)}</td>
                  <td>
                    <button type="button" className="button" onClick={() => void download(report.id, 'pdf')} aria-label={t('reports.downloadPdf', { week: report.week.from, language: t(`lang.${report.language}`) })} data-testid={`report-${report.id}-pdf`}>
                      {t('reports.pdf')}
                    </button>{' '}
                    <button type="button" className="button" onClick={() => void download(report.id, 'xlsx')} aria-label={t('reports.downloadXlsx', { week: report.week.from, language: t(`lang.${report.language}`) })} data-testid={`report-${report.id}-xlsx`}>
                      {t('reports.xlsx')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

// The period controls of every analytics page, one component: the presets as
// chips, a custom range of local days (from / to, checked: the end not before
// the start, nothing after today), and the as-of date where the page has one.
// State lives in the URL (usePeriodRoute), so the same period survives a
// reload and travels in a copied link.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';
import { asOfProblem, formatLocalDate, presets, rangeProblem, type RangeProblem } from './period.js';
import type { PeriodRoute } from './period-route.js';

export interface PeriodControlsProps {
  route: PeriodRoute;
  /** Show the period (presets and custom range); false for pages that work only as of a date. */
  period?: boolean;
  /** Show the as-of date. */
  asOf?: boolean;
}

export function PeriodControls({ route, period = true, asOf = false }: PeriodControlsProps): ReactNode {
  const { t, locale } = useI18n();
  const custom = route.choice.kind === 'custom';
  const [editing, setEditing] = useState(custom);
  const [from, setFrom] = useState(route.period.from);
  const [to, setTo] = useState(route.period.to);
  const [problem, setProblem] = useState<RangeProblem | null>(null);
  const [asOfDraft, setAsOfDraft] = useState(route.asOf);
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const today = formatLocalDate(route.today, locale);

  // Follow the URL (back / forward, a link): the drafts show the period in force.
  useEffect(() => {
    setFrom(route.period.from);
    setTo(route.period.to);
    setProblem(null);
    if (route.choice.kind === 'custom') setEditing(true);
  }, [route.period.from, route.period.to, route.choice.kind]);
  useEffect(() => {
    setAsOfDraft(route.asOf);
    setAsOfError(null);
  }, [route.asOf]);

  const apply = () => {
    const found = rangeProblem(from, to, route.today);
    setProblem(found);
    if (found === null) route.setChoice({ kind: 'custom', from, to });
  };
  const changeAsOf = (value: string) => {
    setAsOfDraft(value);
    const found = asOfProblem(value, route.today);
    setAsOfError(found === null ? null : t(found === 'future' ? 'analytics.range.asOfFuture' : 'analytics.range.asOfMissing', { today }));
    if (found === null) route.setAsOf(value);
  };

  return (
    <div className="period-controls" data-testid="period-controls">
      {period ? (
        <div className="chips" role="group" aria-label={t('analytics.period')}>
          {presets.map((name) => (
            <button
              key={name}
              type="button"
              className={route.choice.kind === 'preset' && route.choice.preset === name ? 'chip active' : 'chip'}
              onClick={() => {
                setEditing(false);
                setProblem(null);
                route.setChoice({ kind: 'preset', preset: name });
              }}
              data-testid={`period-${name}`}
            >
              {t(`analytics.preset.${name}`)}
            </button>
          ))}
          <button type="button" className={custom ? 'chip active' : 'chip'} aria-expanded={editing} onClick={() => setEditing(true)} data-testid="period-custom">
            {t('analytics.preset.custom')}
          </button>
        </div>
      ) : null}
      {period && editing ? (
        <form
          className="period-range"
          // Our own checks, with words: the browser's would block a day after `max` with a bare tooltip.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <label className={problem ? 'field field-invalid' : 'field'}>
            <span>{t('analytics.range.from')}</span>
            <input type="date" value={from} max={route.today} onChange={(e) => setFrom(e.target.value)} data-testid="period-from" />
          </label>
          <label className={problem ? 'field field-invalid' : 'field'}>
            <span>{t('analytics.range.to')}</span>
            <input type="date" value={to} max={route.today} onChange={(e) => setTo(e.target.value)} data-testid="period-to" />
          </label>
          <button type="submit" className="button" data-testid="period-apply">
            {t('analytics.range.apply')}
          </button>
        </form>
      ) : null}
      {asOf ? (
        <div className="period-range">
          <label className={asOfError ? 'field field-invalid' : 'field'} title={t('analytics.range.asOfHow')}>
            <span>{t('analytics.range.asOf')}</span>
            <input type="date" value={asOfDraft} max={route.today} onChange={(e) => changeAsOf(e.target.value)} data-testid="period-as-of" />
          </label>
        </div>
      ) : null}
      {/* Errors on a line of their own below, so the chips stay level with the inputs. */}
      {period && editing && problem ? (
        <p className="field-error" role="alert" data-testid="period-error">
          {t(`analytics.range.${problem}`, { today })}
        </p>
      ) : null}
      {asOf && asOfError ? (
        <p className="field-error" role="alert" data-testid="as-of-error">
          {asOfError}
        </p>
      ) : null}
    </div>
  );
}

// The promotions calendar (#/promotions/calendar): a month or a week, Monday
// first, every promotion as a bar over its days coloured by status and labelled
// with its name and channels; the shop's key dates (festivals and the owner's
// own) marked in their day cells. A bar opens its promotion.
import { useState, type FormEvent, type ReactNode } from 'react';
import { promotionStatuses } from './types.js';
import type { PromotionRow } from '../../../../src/promotions/contract.js';
import { addDays, localDateOf, weekStartOf } from '../../../../src/shared/local-time.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useConfirm } from '../../components/confirm.js';
import { Dialog } from '../../components/Dialog.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { Loaded } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { layoutWeeks, localSpan, monthWeeks, type Span } from './calendar-layout.js';
import { statusColors, statusName, typeName } from './promotion-texts.js';
import { usePromotionsRefresh } from './use-promotions-refresh.js';

type View = 'month' | 'week';
type Item = Span & { row: PromotionRow };

interface KeyDate {
  id: number | null;
  date: string;
  key: string | null;
  name: string | null;
}

export function CalendarPage(): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const today = localDateOf(new Date(), settings.timeZone);
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [adding, setAdding] = useState(false);

  const weekStarts = view === 'month' ? monthWeeks(anchor) : [weekStartOf(anchor)];
  const from = weekStarts[0] ?? anchor;
  const to = addDays(weekStarts[weekStarts.length - 1] ?? anchor, 6);
  const load = useLoad(() => call('promotions.calendar', { from, to }), [from, to]);
  usePromotionsRefresh(load.reload);

  const move = (direction: -1 | 1) => {
    if (view === 'week') setAnchor(addDays(anchor, 7 * direction));
    else {
      const [y, m] = anchor.split('-').map(Number) as [number, number];
      const month = new Date(Date.UTC(y, m - 1 + direction, 1)).toISOString().slice(0, 10);
      setAnchor(month);
    }
  };
  const title =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`))
      : `${dayLabel(from, locale)} – ${dayLabel(to, locale)}`;
  const keyDateName = (keyDate: KeyDate) => (keyDate.key ? tKey(`promotions.keyDate.${keyDate.key}`, 'promotions.keyDate.other') : (keyDate.name ?? ''));

  const removeKeyDate = async (keyDate: KeyDate) => {
    if (keyDate.id === null) return;
    const ok = await confirm({ title: t('promotions.keyDates.removeTitle', { name: keyDateName(keyDate) }), lines: [t('promotions.keyDates.removeLine')], confirmLabel: t('common.remove'), danger: true });
    if (!ok) return;
    try {
      await call('promotions.keyDates.remove', { id: keyDate.id });
      showSuccess('promotions.keyDates.removed');
      load.reload();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="card promo-calendar" data-testid="promo-calendar">
      <div className="promo-cal-toolbar">
        <div className="promo-inline">
          <button type="button" className="button button-small" onClick={() => move(-1)} aria-label={t('promotions.calendar.previous')} data-testid="cal-prev">
            ‹
          </button>
          <button type="button" className="button button-small" onClick={() => setAnchor(today)} data-testid="cal-today">
            {t('promotions.calendar.today')}
          </button>
          <button type="button" className="button button-small" onClick={() => move(1)} aria-label={t('promotions.calendar.next')} data-testid="cal-next">
            ›
          </button>
          <h2 className="promo-cal-title" data-testid="cal-title">
            {title}
          </h2>
        </div>
        <div className="promo-inline">
          <div className="chips" role="group" aria-label={t('promotions.calendar.view')}>
            {(['month', 'week'] as const).map((name) => (
              <button key={name} type="button" className={view === name ? 'chip active' : 'chip'} onClick={() => setView(name)} data-testid={`cal-view-${name}`}>
                {t(`promotions.calendar.${name}`)}
              </button>
            ))}
          </div>
          <button type="button" className="button button-small" onClick={() => setAdding(true)} data-testid="cal-add-key-date">
            {t('promotions.keyDates.add')}
          </button>
        </div>
      </div>
      <ul className="promo-legend" aria-label={t('promotions.calendar.legend')} data-testid="cal-legend">
        {promotionStatuses.map((status) => (
          <li key={status}>
            <span className="promo-swatch" style={{ background: statusColors[status] }} aria-hidden="true" /> {statusName(t, status)}
          </li>
        ))}
      </ul>
      <Loaded load={load} lines={6}>
        {({ promotions, keyDates }) => {
          const items: Item[] = promotions.map((row) => ({ id: row.id, row, ...localSpan(row.startsAt, row.endsAt, settings.timeZone) }));
          const weeks = layoutWeeks(weekStarts, items);
          const month = anchor.slice(0, 7);
          return (
            <div className={`promo-cal promo-cal-view-${view}`} data-testid="cal-grid">
              <div className="promo-cal-weekdays" aria-hidden="true">
                {(weeks[0]?.days ?? []).map((day) => (
                  <span key={day}>{new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))}</span>
                ))}
              </div>
              {weeks.map((week) => {
                const laneHeight = 22;
                // Bars start below the day numbers, and below the key dates' names in a week that has any.
                const barsTop = keyDates.some((keyDate) => week.days.includes(keyDate.date)) ? 48 : 30;
                const minHeight = Math.max(view === 'week' ? 220 : 96, barsTop + week.lanes * laneHeight + 8);
                return (
                  <div key={week.start} className="promo-cal-week" style={{ minHeight }} data-testid="cal-week" data-week={week.start}>
                    {week.days.map((day) => {
                      const marks = keyDates.filter((keyDate) => keyDate.date === day);
                      const classes = ['promo-cal-day', day === today ? 'today' : '', view === 'month' && day.slice(0, 7) !== month ? 'outside' : '', marks.length > 0 ? 'key' : ''];
                      return (
                        <div key={day} className={classes.filter(Boolean).join(' ')} data-testid="cal-day" data-date={day}>
                          <span className="promo-cal-date">{view === 'week' ? monthDay(day, locale) : Number(day.slice(8))}</span>
                          {marks.map((keyDate) => (
                            <span key={`${keyDate.id ?? keyDate.key}`} className="promo-key-date" data-testid="cal-key-date" title={keyDateName(keyDate)}>
                              ★ {keyDateName(keyDate)}
                              {keyDate.id !== null ? (
                                <button type="button" className="icon-button" aria-label={t('promotions.keyDates.remove', { name: keyDateName(keyDate) })} onClick={() => void removeKeyDate(keyDate)} data-testid="cal-key-date-remove">
                                  ×
                                </button>
                              ) : null}
                            </span>
                          ))}
                        </div>
                      );
                    })}
                    {week.bars.map((bar) => {
                      const row = bar.item.row;
                      const channels = row.channels === 'all' ? t('promotions.channels.all') : row.channels.map((c) => c.name).join(', ');
                      const label = `${row.name} · ${channels}`;
                      return (
                        <a
                          key={row.id}
                          href={routeHref('promotions', row.id)}
                          className={`promo-bar${bar.continuesBefore ? ' open-start' : ''}${bar.continuesAfter ? ' open-end' : ''}`}
                          style={{
                            left: `calc(${(bar.from / 7) * 100}% + 3px)`,
                            width: `calc(${((bar.to - bar.from + 1) / 7) * 100}% - 6px)`,
                            top: barsTop + bar.lane * laneHeight,
                            background: statusColors[row.status],
                          }}
                          title={`${label} · ${typeName(t, row.type)} · ${statusName(t, row.status)}`}
                          data-testid="cal-bar"
                          data-promotion-id={row.id}
                          data-status={row.status}
                          data-first={week.days[bar.from]}
                          data-last={week.days[bar.to]}
                        >
                          {label}
                        </a>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          );
        }}
      </Loaded>
      {adding ? (
        <KeyDateDialog
          defaultDate={today}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            load.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function monthDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function KeyDateDialog({ defaultDate, onClose, onAdded }: { defaultDate: string; onClose: () => void; onAdded: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const [date, setDate] = useState(defaultDate);
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    issues.clear();
    try {
      await call('promotions.keyDates.add', { date, name });
      showSuccess('promotions.keyDates.added');
      onAdded();
    } catch (error) {
      showError(issues.take(error));
    }
  };
  return (
    <Dialog label={t('promotions.keyDates.add')} testId="key-date-dialog" onClose={onClose} onSubmit={(e) => void submit(e)}>
      <h2>{t('promotions.keyDates.add')}</h2>
      <div className="fields">
        <label className="field">
          <span>{t('promotions.keyDates.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="key-date-date" {...issues.fieldProps('date')} />
          <FieldProblem text={issues.issueFor('date')} />
        </label>
        <label className="field">
          <span>{t('promotions.keyDates.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('promotions.keyDates.namePlaceholder')} data-testid="key-date-name" {...issues.fieldProps('name')} />
          <FieldProblem text={issues.issueFor('name')} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="key-date-ok">
          {t('promotions.keyDates.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

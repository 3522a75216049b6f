// A new promotion (#/promotions/new) or changes to one (#/promotions/<id>/edit):
// name, type (each with its en / zh name and what it does), the rule's fields,
// targets, channels, the window on the shop's wall clock, stacking and
// priority, the segment and control group (coupons, member prices), the uplift
// assumption and a note. The conflict and margin check re-runs on the unsaved
// fields once typing pauses; Save sends the fields and a refusal lands on its field.
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { CheckResult, PromotionDetail } from '../../../../src/promotions/contract.js';
import { promotionTypes } from './types.js';
import { segmentCodeSchema } from '../../../../src/analytics/contract.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { Busy } from '../../components/Loading.js';
import { NumberField, useNumberInput } from '../../components/number-field.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useLoad } from '../../components/use-load.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { translate } from '../../i18n/translate.js';
import { CheckView } from './CheckView.js';
import { changedFields, emptyState, numberRules, segmentTypes, stateOf, toFields, type EditorState } from './editor-state.js';
import { TargetsPicker } from './pickers.js';
import { typeHint, typeName } from './promotion-texts.js';
import { RuleFields } from './RuleFields.js';
import { ChoiceGroup } from './ChoiceGroup.js';

export function PromotionEditor({ detail }: { detail: PromotionDetail | null }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const numbers = useNumberInput();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const [initial] = useState<EditorState>(() => (detail ? stateOf(detail, numbers, settings.currency, settings.timeZone) : emptyState(settings.timeZone)));
  const [state, setState] = useState<EditorState>(initial);
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<EditorState>) => setState((current) => ({ ...current, ...patch }));
  const rules = numberRules(settings.currency);
  const channels = useLoad(() => call('channels.list', {}), []);
  // Only the status decides what can change: a running promotion keeps its rule (the core says so too).
  const running = detail?.status === 'running';

  const fields = useMemo(() => toFields(state, numbers, settings.currency, settings.timeZone), [state, numbers, settings.currency, settings.timeZone]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!fields) return;
    setSaving(true);
    issues.clear();
    try {
      const saved = detail
        ? await call('promotions.update', { promotionId: detail.id, fields: changedFields(fields, detail, initial, state) })
        : await call('promotions.create', fields);
      showSuccess(detail ? 'promotions.saved' : 'promotions.created');
      navigate('promotions', saved.id);
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="promo-editor" onSubmit={(e) => void save(e)} data-testid="promo-editor" noValidate>
      <div className="promo-editor-main">
        <section className="card">
          <a href={detail ? routeHref('promotions', detail.id) : routeHref('promotions')} className="muted small block">
            ← {detail ? detail.name : t('promotions.back')}
          </a>
          <h2>{detail ? t('promotions.editor.editTitle') : t('promotions.editor.newTitle')}</h2>
          <label className="field">
            <span>{t('promotions.field.name')}</span>
            <input type="text" value={state.name} onChange={(e) => set({ name: e.target.value })} placeholder={t('promotions.field.namePlaceholder')} data-testid="promo-name" {...issues.fieldProps('name')} />
            <FieldProblem text={issues.issueFor('name')} />
          </label>
          <fieldset className="promo-types" disabled={running}>
            <legend>{t('promotions.field.type')}</legend>
            {promotionTypes.map((type) => (
              <label key={type} className={state.type === type ? 'promo-type active' : 'promo-type'} data-testid={`promo-type-${type}`}>
                <input type="radio" name="promo-type" checked={state.type === type} onChange={() => set({ type })} />
                <span className="promo-type-name">
                  {typeName(t, type)}
                  {/* The Chinese term merchants know these by (满减, 满件折…), beside the English name. */}
                  {locale === 'en' ? <span className="muted promo-type-zh" lang="zh-CN">{translate('zh-CN', `promotions.type.${type}`)}</span> : null}
                </span>
                <span className="muted small">{typeHint(t, type)}</span>
              </label>
            ))}
          </fieldset>
        </section>

        <section className="card">
          <h2>{t('promotions.editor.rule', { type: typeName(t, state.type) })}</h2>
          {/* A running promotion keeps its rule, targets, channels and start: only its name, end and note change. */}
          <fieldset className="promo-plain" disabled={running}>
            <RuleFields state={state} set={set} issues={issues} showProblems={tried} />
          </fieldset>
          <FieldProblem text={issues.issueFor('rule.type')} />
          {running ? <p className="muted small">{t('promotions.editor.runningNote')}</p> : null}
        </section>

        <section className="card">
          <h2>{t('promotions.editor.where')}</h2>
          <fieldset className="promo-plain" disabled={running}>
            <ChoiceGroup
              legend={t('promotions.field.targets')}
              choices={['shop', 'targets'] as const}
              value={state.scope}
              onChange={(scope) => set({ scope })}
              label={(scope) => t(`promotions.scope.${scope}`)}
              testId={(scope) => `promo-scope-${scope}`}
            />
            {state.scope === 'targets' ? <TargetsPicker items={state.targets} onChange={(targets) => set({ targets })} problem={issues.issueFor('targets')} /> : null}
            <fieldset className="choice-group">
              <legend>{t('promotions.field.channels')}</legend>
              <label>
                <input type="radio" checked={state.channels === 'all'} onChange={() => set({ channels: 'all' })} data-testid="promo-channels-all" /> {t('promotions.channels.all')}
              </label>
              <label>
                <input type="radio" checked={state.channels !== 'all'} onChange={() => set({ channels: [] })} data-testid="promo-channels-chosen" /> {t('promotions.channels.chosen')}
              </label>
            </fieldset>
            {state.channels !== 'all' ? (
              <div className="promo-channel-list" data-testid="promo-channel-list">
                {(channels.data?.channels ?? []).length === 0 ? <span className="muted small">{t('promotions.channels.none')}</span> : null}
                {(channels.data?.channels ?? []).map((channel) => {
                  const chosen = state.channels !== 'all' && state.channels.includes(channel.id);
                  return (
                    <label key={channel.id} className="promo-check-option">
                      <input
                        type="checkbox"
                        checked={chosen}
                        onChange={() => {
                          const current = state.channels === 'all' ? [] : state.channels;
                          set({ channels: chosen ? current.filter((id) => id !== channel.id) : [...current, channel.id] });
                        }}
                      />{' '}
                      {channel.name}
                      {channel.kind === null ? <span className="muted small"> · {t('promotions.channels.local')}</span> : null}
                    </label>
                  );
                })}
                <FieldProblem text={issues.issueFor('channels')} />
              </div>
            ) : null}
          </fieldset>
        </section>

        <section className="card">
          <h2>{t('promotions.editor.when')}</h2>
          <div className="form-grid">
            <label className="field">
              <span>{t('promotions.field.startsAt')}</span>
              <input type="datetime-local" value={state.startsAt} onChange={(e) => set({ startsAt: e.target.value })} disabled={running} data-testid="promo-starts" {...issues.fieldProps('startsAt')} />
              <FieldProblem text={issues.issueFor('startsAt') ?? (tried && !fields && state.startsAt === '' ? t('promotions.field.required') : null)} />
            </label>
            <label className="field">
              <span>{t('promotions.field.endsAt')}</span>
              <input type="datetime-local" value={state.endsAt} onChange={(e) => set({ endsAt: e.target.value })} data-testid="promo-ends" {...issues.fieldProps('endsAt')} />
              <FieldProblem text={issues.issueFor('endsAt') ?? (tried && !fields && state.endsAt === '' ? t('promotions.field.required') : null)} />
            </label>
          </div>
          <p className="muted small">{t('promotions.field.timeZone', { zone: settings.timeZone })}</p>
          <ChoiceGroup
            legend={t('promotions.field.stacking')}
            choices={['exclusive', 'stackable'] as const}
            value={state.stacking}
            onChange={(stacking) => set({ stacking })}
            label={(stacking) => t(`promotions.stacking.${stacking}`)}
            testId={(stacking) => `promo-stacking-${stacking}`}
            disabled={running}
          />
          <div className="form-grid">
            <label className="field">
              <span>{t('promotions.field.priority')}</span>
              <NumberField value={state.priority} onChange={(v) => set({ priority: v })} rule={rules.priority} showProblem={tried} disabled={running} data-testid="promo-priority" {...issues.fieldProps('priority')} />
              <FieldProblem text={issues.issueFor('priority')} />
            </label>
          </div>
          <p className="muted small" data-testid="promo-stacking-rule">
            {t('promotions.stackingRule')}
          </p>
        </section>

        {segmentTypes.includes(state.type) ? (
          <section className="card">
            <h2>{t('promotions.editor.audience')}</h2>
            <div className="form-grid">
              <label className="field">
                <span>{t('promotions.field.segment')}</span>
                <select value={state.segmentCode} onChange={(e) => set({ segmentCode: e.target.value })} data-testid="promo-segment" {...issues.fieldProps('segmentCode')}>
                  <option value="">{t('promotions.segment.everyone')}</option>
                  {segmentCodeSchema.options.map((code) => (
                    <option key={code} value={code}>
                      {t(`analytics.segment.${code}` as MessageKey)}
                    </option>
                  ))}
                </select>
                <FieldProblem text={issues.issueFor('segmentCode')} />
              </label>
              {state.segmentCode !== '' ? (
                <label className="field">
                  <span>{t('promotions.field.controlShare')}</span>
                  <NumberField value={state.controlShare} onChange={(v) => set({ controlShare: v })} rule={rules.share} showProblem={tried} data-testid="promo-control" {...issues.fieldProps('controlShareBp')} />
                  <span className="muted small">{t('promotions.field.controlShareHint')}</span>
                  <FieldProblem text={issues.issueFor('controlShareBp')} />
                </label>
              ) : null}
            </div>
          </section>
        ) : null}

        <section className="card">
          <h2>{t('promotions.editor.more')}</h2>
          <div className="form-grid">
            <label className="field">
              <span>
                {t('promotions.field.uplift')} <span className="pill">{t('promotions.assumption')}</span>
              </span>
              <NumberField value={state.uplift} onChange={(v) => set({ uplift: v })} rule={rules.uplift} showProblem={tried} data-testid="promo-uplift" {...issues.fieldProps('upliftAssumptionBp')} />
              <span className="muted small">{t('promotions.field.upliftHint')}</span>
              <FieldProblem text={issues.issueFor('upliftAssumptionBp')} />
            </label>
          </div>
          <label className="field">
            <span>{t('promotions.field.note')}</span>
            <textarea value={state.note} onChange={(e) => set({ note: e.target.value })} rows={3} data-testid="promo-note" {...issues.fieldProps('note')} />
            <FieldProblem text={issues.issueFor('note')} />
          </label>
          {tried && !fields ? (
            <p className="field-error" role="alert" data-testid="promo-fix-fields">
              {t('promotions.editor.fixFields')}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving} data-testid="promo-save">
              {saving ? t('common.saving') : detail ? t('common.save') : t('promotions.editor.create')}
            </button>
            <a className="button" href={detail ? routeHref('promotions', detail.id) : routeHref('promotions')}>
              {t('common.cancel')}
            </a>
          </div>
        </section>
      </div>
      <aside className="promo-editor-side">
        <LiveCheck state={state} fields={fields} promotionId={detail?.id ?? null} />
      </aside>
    </form>
  );
}

/** The check on the unsaved fields, once typing has paused. */
function LiveCheck({ state, fields, promotionId }: { state: EditorState; fields: ReturnType<typeof toFields>; promotionId: number | null }): ReactNode {
  const { t } = useI18n();
  // A name is not needed to check prices; targets are, once "chosen" is picked.
  const ready = fields !== null && (state.scope === 'shop' || state.targets.length > 0) && (state.channels === 'all' || state.channels.length > 0);
  const request = ready ? JSON.stringify({ ...fields, name: fields.name.trim() === '' ? '—' : fields.name }) : null;
  const debounced = useDebounced(request, 700);
  const [result, setResult] = useState<{ check: CheckResult | null; failed: boolean; busy: boolean }>({ check: null, failed: false, busy: false });

  useEffect(() => {
    if (debounced === null) return;
    let current = true;
    setResult((r) => ({ ...r, busy: true }));
    call('promotions.check', { fields: JSON.parse(debounced) as NonNullable<typeof fields>, ...(promotionId ? { promotionId } : {}) }).then(
      (check) => current && setResult({ check, failed: false, busy: false }),
      () => current && setResult((r) => ({ ...r, failed: true, busy: false })),
    );
    return () => {
      current = false;
    };
  }, [debounced, promotionId]);

  return (
    <section className="card" data-testid="promo-live-check">
      <h2>{t('promotions.check.title')}</h2>
      {debounced === null ? (
        <p className="muted small">{t('promotions.check.waiting')}</p>
      ) : result.check ? (
        <Busy busy={result.busy || request !== debounced}>
          <CheckView check={result.check} compact />
        </Busy>
      ) : result.failed ? (
        <p className="muted small" data-testid="promo-check-failed">
          {t('promotions.check.failed')}
        </p>
      ) : (
        <p className="muted small">{t('pages.loading')}</p>
      )}
    </section>
  );
}

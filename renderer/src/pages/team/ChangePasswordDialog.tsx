// Change my password (the person menu; Settings → "Set my password" before
// requiring sign-in). Without a password yet, the current one is left empty.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { RepeatPasswordField } from './RepeatPasswordField.js';
import { SubmitOrCancel } from './SubmitOrCancel.js';

export function ChangePasswordDialog(props: {
  /** false: the person has none yet (no current-password field); null: unknown (the field may stay empty). */
  hasPassword: boolean | null;
  onClose: () => void;
  onChanged?: () => void;
}): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const ids = { current: useId(), next: useId(), repeat: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== '' && next !== repeat;

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (next !== repeat) return;
    setBusy(true);
    issues.clear();
    try {
      await call('team.changeOwnPassword', { currentPassword: current, newPassword: next });
      showSuccess('team.password.saved');
      props.onChanged?.();
      props.onClose();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={t('team.password.title')} testId="change-password" onClose={props.onClose} onSubmit={(event) => void save(event)}>
      <h2>{t('team.password.title')}</h2>
      <div className="fields">
        {props.hasPassword === false ? (
          <p className="muted">{t('team.password.currentNone')}</p>
        ) : (
          <div className="field">
            <label htmlFor={ids.current}>{t('team.password.current')}</label>
            <input id={ids.current} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
            {props.hasPassword === null ? <span className="muted small">{t('team.password.currentMaybe')}</span> : null}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.next}>{t('team.password.new')}</label>
          <input
            id={ids.next}
            type="password"
            autoComplete="new-password"
            value={next}
            data-testid="new-password"
            onChange={(e) => setNext(e.target.value)}
            {...issues.fieldProps('newPassword')}
          />
          <FieldProblem text={issues.issueFor('newPassword')} />
          <span className="muted small">{t('team.password.rule')}</span>
        </div>
        <RepeatPasswordField id={ids.repeat} value={repeat} onChange={setRepeat} mismatch={mismatch} testId="repeat-password" />
      </div>
      <SubmitOrCancel label={t('team.password.save')} disabled={busy || next === '' || next !== repeat} testId="change-password-save" onCancel={props.onClose} />
    </Dialog>
  );
}

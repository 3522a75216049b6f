// Settings → People & roles, top: whether the shop requires sign-in and after
// how many idle minutes a window locks. Turning sign-in on asks for the person's
// password (or has them choose one: the core refuses the switch until they have
// one; that refusal is said here too, with the way out).
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { TeamSettings } from '../../../../src/team/contract.js';
import { toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { useTeam } from '../../app/team-context.js';
import { EnableSignInDialog } from './EnableSignInDialog.js';

export function TeamSettingsSection(props: { settings: TeamSettings; myPasswordSet: boolean; onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const ids = { required: useId(), idle: useId() };
  const [minutes, setMinutes] = useState(String(props.settings.idleLockMinutes));
  const [needsPassword, setNeedsPassword] = useState(false);
  const [enabling, setEnabling] = useState(false);
  const me = useTeam()?.status.person ?? null;
  const [busy, setBusy] = useState(false);
  useEffect(() => setMinutes(String(props.settings.idleLockMinutes)), [props.settings.idleLockMinutes]);

  const update = async (changes: Partial<TeamSettings>): Promise<void> => {
    setBusy(true);
    try {
      await call('team.settings.update', changes);
      // With sign-in off this window acts as the owner without a session; ending its own keeps an
      // old session from locking it later (idle) although nobody needs to sign in any more.
      if (changes.signInRequired === false) await call('team.signOut', {}).catch(() => undefined);
      setNeedsPassword(false);
      showSuccess('team.settings.saved');
      props.onChanged();
    } catch (error) {
      // Said beside the switch, with the button that fixes it, rather than as a passing toast.
      if (toApiError(error).details.key === 'signInNeedsPassword') setNeedsPassword(true);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };
  const parsedMinutes = /^\d{1,4}$/.test(minutes.trim()) ? Number(minutes.trim()) : NaN;
  const minutesValid = Number.isInteger(parsedMinutes) && parsedMinutes >= 0 && parsedMinutes <= 1440;

  return (
    <div className="team-settings" data-testid="team-settings">
      <div className="team-setting">
        <input
          id={ids.required}
          type="checkbox"
          checked={props.settings.signInRequired}
          disabled={busy}
          data-testid="sign-in-required"
          onChange={(event) => {
            // Turning it on goes through the password (EnableSignInDialog), so this window stays signed in.
            if (event.target.checked && me) setEnabling(true);
            else void update({ signInRequired: event.target.checked });
          }}
        />
        <div>
          <label htmlFor={ids.required}>{t('team.settings.signInRequired')}</label>
          <p className="muted small">{t('team.settings.signInRequiredHint')}</p>
        </div>
      </div>
      {needsPassword ? (
        <div className="note team-needs-password" role="alert" data-testid="needs-password">
          <span>{t('team.settings.needsPassword')}</span>
          <button type="button" className="button button-small" onClick={() => setEnabling(true)}>
            {t('team.settings.setMyPassword')}
          </button>
        </div>
      ) : null}
      <form
        className="team-setting"
        onSubmit={(event) => {
          event.preventDefault();
          if (minutesValid && parsedMinutes !== props.settings.idleLockMinutes) void update({ idleLockMinutes: parsedMinutes });
        }}
      >
        <div className="field">
          <label htmlFor={ids.idle}>{t('team.settings.idleLock')}</label>
          <div className="toolbar">
            <input
              id={ids.idle}
              type="text"
              inputMode="numeric"
              className="idle-minutes"
              value={minutes}
              disabled={busy}
              aria-invalid={!minutesValid || undefined}
              data-testid="idle-minutes"
              onChange={(event) => setMinutes(event.target.value)}
            />
            <button type="submit" className="button button-small" disabled={busy || !minutesValid || parsedMinutes === props.settings.idleLockMinutes}>
              {t('team.people.save')}
            </button>
          </div>
          {minutesValid ? null : <span className="field-error">{t('team.settings.idleLockInvalid')}</span>}
          <span className="muted small">{t('team.settings.idleLockHint')}</span>
        </div>
      </form>
      {enabling && me ? (
        <EnableSignInDialog
          me={me}
          hasPassword={props.myPasswordSet}
          onClose={() => setEnabling(false)}
          onDone={() => {
            setNeedsPassword(false);
            props.onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

// The actions row of the team dialogs: the form's submit button and Cancel.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';

export function SubmitOrCancel(props: { label: string; disabled: boolean; testId: string; onCancel(): void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={props.disabled} data-testid={props.testId}>
        {props.label}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

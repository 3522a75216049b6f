// Restore from any backup file: chosen in the browser (sent to the core, which
// keeps it in the backups folder and reads it), or named by its full path on
// the computer Shopdesk runs on.
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';

export function RestoreFromFile(props: { disabled: boolean; onFile: (file: File) => void; onPath: (path: string) => void }): ReactNode {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <fieldset className="fields" data-testid="backups-restore-file">
      <legend>{t('backups.restoreFrom')}</legend>
      <label className="field">
        <span>{t('backups.restoreFile')}</span>
        <input
          ref={input}
          type="file"
          accept=".db,.sqlite,.sqlite3,.shopdesk"
          disabled={props.disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            if (input.current) input.current.value = '';
          }}
          data-testid="backups-restore-upload"
        />
      </label>
      <div className="toolbar" style={{ alignItems: 'flex-end' }}>
        <label className="field">
          <span>{t('backups.restorePath')}</span>
          <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="backups-restore-path" />
        </label>
        <button type="button" className="button" disabled={props.disabled || path.trim() === ''} onClick={() => props.onPath(path.trim())} data-testid="backups-restore-inspect">
          {t('backups.inspect')}
        </button>
      </div>
    </fieldset>
  );
}

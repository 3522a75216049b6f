// A connected channel's connection: where it is (read only: a different shop is a new
// channel), Test connection with the saved keys, and new keys or password when the old
// ones were revoked ("Shopify refused the access token" sends the merchant here). The
// secrets are write-only: the core never returns them, the fields start empty.
import { useState, type FormEvent, type ReactNode } from 'react';
import { toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { fieldsOf } from './ConnectDialog.js';
import { reasonText } from './sync-texts.js';
import type { ChannelDetail } from './types.js';

export function ConnectionCard({ channel, onSaved }: { channel: ChannelDetail; onSaved: () => void }): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (channel.kind === null) return null;
  // A disconnected channel kept its address but not its keys: entering them connects it again.
  const disconnected = channel.syncStatus === 'disconnected';
  const specs = fieldsOf[channel.kind];
  const shown = specs.filter((spec) => spec.path.startsWith('connection.') && !spec.advanced);
  const credentialSpecs = specs.filter((spec) => spec.path.startsWith('credentials.'));
  const nameOf = (path: string): string => path.split('.')[1] ?? path;

  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      const report = await call('channels.test', { channelId: channel.id });
      setResult({
        ok: true,
        text: `${t('channels.test.ok', { shop: report.shopName })} ${t('channels.test.found', { locations: formatNumber(report.locations, locale), products: formatNumber(report.products, locale) })}`,
      });
    } catch (error) {
      const { details } = toApiError(error);
      setResult({ ok: false, text: reasonText({ key: details.key, params: details.params ?? {} }, tKey) });
    } finally {
      setBusy(false);
    }
  };

  const saveKeys = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const credentials = Object.fromEntries(credentialSpecs.map((spec) => [nameOf(spec.path), secrets[spec.path] ?? '']));
      await call('channels.update', { channelId: channel.id, credentials });
      issues.clear();
      setSecrets({});
      showSuccess('channels.keysSaved');
      onSaved();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void saveKeys(e)} data-testid="channel-connection">
      <h2>{t('channels.connection.title')}</h2>
      <dl className="channel-facts">
        {shown.map((spec) => (
          <div key={spec.path}>
            <dt>{t(spec.label)}</dt>
            <dd className="cell-mono">{String(channel.connection[nameOf(spec.path)] ?? '—')}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t(disconnected ? 'channels.connection.reconnectHint' : 'channels.connection.keysHint')}</p>
      <div className="field-row">
        {credentialSpecs.map((spec) => (
          <label className="field" key={spec.path}>
            <span>{t(spec.label)}</span>
            <input
              type={spec.secret ? 'password' : 'text'}
              autoComplete="new-password"
              spellCheck={false}
              value={secrets[spec.path] ?? ''}
              onChange={(e) => setSecrets((current) => ({ ...current, [spec.path]: e.target.value }))}
              {...issues.fieldProps(spec.path)}
            />
            <FieldProblem text={issues.issueFor(spec.path)} />
          </label>
        ))}
      </div>
      {result ? (
        <p className={result.ok ? 'note connect-found' : 'note connect-failed'} role="status" data-testid="channel-test-result">
          {result.text}
        </p>
      ) : null}
      <div className="form-actions">
        {disconnected ? null : (
          <button type="button" className="button" disabled={busy} onClick={() => void test()} data-testid="channel-test">
            {t('channels.test.button')}
          </button>
        )}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || credentialSpecs.some((spec) => !(secrets[spec.path] ?? '').trim())}
          data-testid="channel-save-keys"
        >
          {t(disconnected ? 'channels.connection.reconnect' : 'channels.connection.saveKeys')}
        </button>
      </div>
    </form>
  );
}

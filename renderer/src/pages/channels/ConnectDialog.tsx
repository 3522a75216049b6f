// Connect a channel: choose the platform, say where it is and give its keys, then
// Test connection (what Shopdesk found there: shop name, locations, products — or
// why it could not get in, in the UI language) and Connect. Secrets are password
// inputs and never come back from the core. The form is checked with the contract's
// own schemas before anything is sent, so "https:// required" shows at the field.
// "API address (tests)" under Advanced points a Shopify connection at an emulator;
// merchants never need it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { connectionInputSchema, type ConnectionInput } from '../../../../src/sync/contract.js';
import type { FieldIssue } from '../../../../src/shared/envelope.js';
import { ApiError, toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatNumber } from '../../i18n/format.js';
import { reasonText } from './sync-texts.js';
import type { ChannelKind } from './types.js';

const kinds: readonly ChannelKind[] = ['shopify', 'woocommerce', 'vendure'];

export interface FieldSpec {
  /** Path in the contract's input: `connection.shopDomain`, `credentials.accessToken`. */
  path: string;
  label: MessageKey;
  hint?: MessageKey;
  secret?: boolean;
  placeholder?: string;
  advanced?: boolean;
}

export const fieldsOf: Record<ChannelKind, FieldSpec[]> = {
  shopify: [
    { path: 'connection.shopDomain', label: 'channels.field.shopDomain', placeholder: 'corner-store.myshopify.com' },
    { path: 'credentials.accessToken', label: 'channels.field.accessToken', hint: 'channels.field.accessTokenHint', secret: true },
    { path: 'connection.apiVersion', label: 'channels.field.apiVersion', hint: 'channels.field.apiVersionHint' },
    { path: 'connection.baseUrl', label: 'channels.field.baseUrl', hint: 'channels.field.baseUrlHint', advanced: true },
  ],
  woocommerce: [
    { path: 'connection.siteUrl', label: 'channels.field.siteUrl', placeholder: 'https://shop.example.com' },
    { path: 'credentials.consumerKey', label: 'channels.field.consumerKey', placeholder: 'ck_…' },
    { path: 'credentials.consumerSecret', label: 'channels.field.consumerSecret', placeholder: 'cs_…', secret: true },
  ],
  vendure: [
    { path: 'connection.adminApiUrl', label: 'channels.field.adminApiUrl', placeholder: 'https://shop.example.com/admin-api' },
    { path: 'credentials.username', label: 'channels.field.username' },
    { path: 'credentials.password', label: 'channels.field.password', secret: true },
  ],
};

type Values = Record<string, string>;

/** The Shopify API version the contract fills in when none is given (its schema's default, not a copy). */
function defaultApiVersion(): string {
  const parsed = connectionInputSchema.safeParse({ kind: 'shopify', connection: { shopDomain: 'a.myshopify.com' }, credentials: { accessToken: 'a' } });
  return parsed.success && parsed.data.kind === 'shopify' ? parsed.data.connection.apiVersion : '';
}
const initialValues: Values = { 'connection.apiVersion': defaultApiVersion() };

/**
 * The schema's complaints as field issues: our schemas name their key (`httpsRequired`,
 * `shopifyDomain`); zod's own are "required" when the field is empty, else "not valid".
 */
function fieldIssuesOf(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[], values: Values): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const own = /^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : null;
    const empty = (values[path] ?? '').trim() === '';
    return { path, key: own ?? (empty ? 'required' : 'invalidInput'), message: path };
  });
}

/** The form's values as the contract's input (empty optional fields left out). */
function toInput(kind: ChannelKind, values: Values, authInQuery: boolean): unknown {
  const connection: Record<string, unknown> = {};
  const credentials: Record<string, unknown> = {};
  for (const spec of fieldsOf[kind]) {
    const value = (values[spec.path] ?? '').trim();
    const [group, name] = spec.path.split('.') as ['connection' | 'credentials', string];
    if (value === '' && (spec.advanced || name === 'apiVersion')) continue;
    (group === 'connection' ? connection : credentials)[name] = spec.secret ? (values[spec.path] ?? '') : value;
  }
  if (kind === 'woocommerce') connection.authInQuery = authInQuery;
  return { kind, connection, credentials };
}

export function ConnectDialog({ onClose, onConnected }: { onClose: () => void; onConnected: (channelId: number) => void }): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { showError } = useToasts();
  const issues = useFieldIssues();
  const [kind, setKind] = useState<ChannelKind>('shopify');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Values>(initialValues);
  const [authInQuery, setAuthInQuery] = useState(false);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const [found, setFound] = useState<{ shopName: string; locations: number; products: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** The checked input, or null after marking the fields the schema refused. */
  const checked = (): ConnectionInput | null => {
    const raw = toInput(kind, values, authInQuery);
    const parsed = connectionInputSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    issues.take(new ApiError('VALIDATION', 'connection', { key: 'validation', issues: fieldIssuesOf(parsed.error.issues, values) }));
    return null;
  };

  const refused = (error: unknown): void => {
    const apiError = toApiError(error);
    if (apiError.issues.length > 0) {
      showError(issues.take(error));
      return;
    }
    // Could not get in: the reason stays in the dialog, beside the button that asked.
    setFailure(reasonText({ key: apiError.details.key, params: apiError.details.params ?? {} }, tKey));
  };

  const test = async () => {
    setFound(null);
    setFailure(null);
    const input = checked();
    if (!input) return;
    issues.clear();
    setBusy('test');
    try {
      const report = await call('channels.test', input);
      setFound(report);
      // The shop's own name is the natural name here, unless one was typed.
      setName((current) => (current.trim() === '' ? report.shopName : current));
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = checked();
    if (!input) return;
    if (name.trim() === '') {
      issues.take(new ApiError('VALIDATION', 'name', { key: 'validation', issues: [{ path: 'name', key: 'required', message: 'name' }] }));
      return;
    }
    issues.clear();
    setBusy('connect');
    try {
      const channel = await call('channels.connect', { ...input, name: name.trim() });
      onConnected(channel.id);
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const field = (spec: FieldSpec): ReactNode => (
    <label className="field" key={spec.path}>
      <span>{t(spec.label)}</span>
      <input
        type={spec.secret ? 'password' : 'text'}
        autoComplete={spec.secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={values[spec.path] ?? ''}
        placeholder={spec.placeholder}
        onChange={(e) => setValues((current) => ({ ...current, [spec.path]: e.target.value }))}
        {...issues.fieldProps(spec.path)}
        data-testid={`connect-${spec.path.split('.')[1]}`}
      />
      {spec.hint ? <span className="muted small">{t(spec.hint)}</span> : null}
      <FieldProblem text={issues.issueFor(spec.path)} testId={`connect-problem-${spec.path.split('.')[1]}`} />
    </label>
  );

  const specs = fieldsOf[kind];
  return (
    <Dialog label={t('channels.connect')} testId="connect-dialog" onClose={onClose} onSubmit={(e) => void connect(e)} wide>
      <h2>{t('channels.connect')}</h2>
      <fieldset className="choice-group connect-kinds">
        <legend>{t('channels.field.platform')}</legend>
        {kinds.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="kind"
              checked={kind === option}
              onChange={() => {
                setKind(option);
                setFound(null);
                setFailure(null);
                issues.clear();
              }}
              data-testid={`connect-kind-${option}`}
            />{' '}
            {t(`channels.kind.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="fields">
        <label className="field">
          <span>{t('channels.field.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('channels.field.namePlaceholder')} {...issues.fieldProps('name')} data-testid="connect-name" />
          <FieldProblem text={issues.issueFor('name')} />
        </label>
        {specs.filter((spec) => !spec.advanced).map(field)}
      </div>
      {kind === 'woocommerce' || specs.some((spec) => spec.advanced) ? (
        <details className="connect-advanced">
          <summary>{t('channels.advanced')}</summary>
          <div className="fields">
            {specs.filter((spec) => spec.advanced).map(field)}
            {kind === 'woocommerce' ? (
              <label className="check">
                <input type="checkbox" checked={authInQuery} onChange={(e) => setAuthInQuery(e.target.checked)} /> {t('channels.field.authInQuery')}
              </label>
            ) : null}
          </div>
        </details>
      ) : null}
      {found ? (
        <div className="note connect-found" role="status" data-testid="connect-found">
          <strong>{t('channels.test.ok', { shop: found.shopName })}</strong>
          <span>
            {t('channels.test.found', { locations: formatNumber(found.locations, locale), products: formatNumber(found.products, locale) })}
          </span>
        </div>
      ) : null}
      {failure ? (
        <div className="note connect-failed" role="alert" data-testid="connect-failed">
          <strong>{t('channels.test.failed')}</strong> <span>{failure}</span>
        </div>
      ) : null}
      <p className="muted small">{t('channels.secretsHint')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void test()} data-testid="connect-test">
          {busy === 'test' ? t('channels.test.running') : t('channels.test.button')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy !== null} data-testid="connect-submit">
          {busy === 'connect' ? t('channels.connecting') : t('channels.connectButton')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

// A channel's settings: how much stock it is offered (buffer kept back, share of
// the rest, a cap), how often orders are read, who decides prices (with one line
// each saying what that means), which local stock feeds each of the platform's
// locations, and Disconnect (confirmed, saying what goes and what stays).
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useConfirm } from '../../components/confirm.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { IdSelect } from '../../components/IdSelect.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { useLocations } from '../stock/use-locations.js';
import { ConnectionCard } from './ConnectionCard.js';
import type { ChannelDetail, FieldOwner } from './types.js';

const owners: readonly FieldOwner[] = ['shopdesk', 'channel', 'ask'];
const bufferRule: NumberRule = { required: true, integer: true, min: 0, max: 1_000_000 };
const shareRule: NumberRule = { required: true, min: 0, max: 100, decimals: 2 };
const capRule: NumberRule = { integer: true, min: 0, max: 1_000_000 };
const intervalRule: NumberRule = { required: true, integer: true, min: 1, max: 1440 };

export function ChannelSettings({ channel, onSaved }: { channel: ChannelDetail; onSaved: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const numbers = useNumberInput();
  const issues = useFieldIssues();
  const locations = useLocations();
  const [name, setName] = useState(channel.name);
  const [buffer, setBuffer] = useState(numbers.write(channel.buffer));
  const [share, setShare] = useState(numbers.write(channel.shareBasisPoints / 100));
  const [cap, setCap] = useState(channel.cap === null ? '' : numbers.write(channel.cap));
  const [pullMinutes, setPullMinutes] = useState(numbers.write(Math.round(channel.pullIntervalSeconds / 60)));
  const [price, setPrice] = useState<FieldOwner>(channel.ownership.price);
  const [compareAt, setCompareAt] = useState<FieldOwner>(channel.ownership.compareAtPrice);
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const connected = channel.kind !== null && channel.syncStatus !== 'disconnected';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checks = [numbers.check(buffer, bufferRule), numbers.check(share, shareRule), numbers.check(cap, capRule), numbers.check(pullMinutes, intervalRule)] as const;
    if (checks.some((check) => !check.ok)) {
      setShowProblems(true);
      return;
    }
    const [b, s, c, i] = checks.map((check) => (check.ok ? check.value : null));
    setSaving(true);
    try {
      await call('channels.update', {
        channelId: channel.id,
        name: name.trim(),
        buffer: b ?? 0,
        shareBasisPoints: Math.round((s ?? 100) * 100),
        cap: c,
        pullIntervalSeconds: (i ?? 5) * 60,
        ownership: { price, compareAtPrice: compareAt },
      });
      issues.clear();
      showSuccess('channels.saved');
      onSaved();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setSaving(false);
    }
  };

  const mapLocation = async (remoteLocationId: string, locationId: number | null) => {
    try {
      await call('channels.mapLocation', { channelId: channel.id, remoteLocationId, locationId });
      showSuccess('channels.locationSaved');
      onSaved();
    } catch (error) {
      showError(error);
    }
  };

  const disconnect = async () => {
    const ok = await confirm({
      title: t('channels.disconnect.title', { name: channel.name }),
      lines: [t('channels.disconnect.goes'), t('channels.disconnect.stays'), t('channels.disconnect.again')],
      confirmLabel: t('channels.disconnect.button'),
      danger: true,
    });
    if (!ok) return;
    try {
      await call('channels.disconnect', { channelId: channel.id });
      showSuccess('channels.disconnected');
      onSaved();
    } catch (error) {
      showError(error);
    }
  };

  const ownerChoice = (field: 'price' | 'compareAtPrice', value: FieldOwner, set: (owner: FieldOwner) => void): ReactNode => (
    <fieldset className="ownership" data-testid={`ownership-${field}`}>
      <legend>{t(`channels.ownership.${field}`)}</legend>
      {owners.map((owner) => (
        <label key={owner} className="ownership-option">
          <input type="radio" name={`owner-${field}`} checked={value === owner} onChange={() => set(owner)} data-testid={`ownership-${field}-${owner}`} />
          <span>
            <strong>{t(`channels.owner.${owner}`)}</strong>
            <span className="muted small block">{t(`channels.owner.${owner}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <>
      <form className="card" onSubmit={(e) => void save(e)} data-testid="channel-settings">
        <h2>{t('channels.settings.title')}</h2>
        <label className="field channel-name-field">
          <span>{t('channels.field.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} {...issues.fieldProps('name')} data-testid="channel-settings-name" />
          <FieldProblem text={issues.issueFor('name')} />
        </label>
        <div className="field-row channel-rule-fields">
          <label className="field">
            <span>{t('channels.settings.buffer')}</span>
            <NumberField value={buffer} onChange={setBuffer} rule={bufferRule} showProblem={showProblems} {...issues.fieldProps('buffer')} data-testid="channel-buffer" />
            <FieldProblem text={issues.issueFor('buffer')} />
          </label>
          <label className="field">
            <span>{t('channels.settings.share')}</span>
            <NumberField value={share} onChange={setShare} rule={shareRule} showProblem={showProblems} {...issues.fieldProps('shareBasisPoints')} data-testid="channel-share" />
            <FieldProblem text={issues.issueFor('shareBasisPoints')} />
          </label>
          <label className="field">
            <span>{t('channels.settings.cap')}</span>
            <NumberField value={cap} onChange={setCap} rule={capRule} showProblem={showProblems} placeholder={t('channels.settings.noCap')} {...issues.fieldProps('cap')} data-testid="channel-cap" />
            <FieldProblem text={issues.issueFor('cap')} />
          </label>
          <label className="field">
            <span>{t('channels.settings.interval')}</span>
            <NumberField value={pullMinutes} onChange={setPullMinutes} rule={intervalRule} showProblem={showProblems} {...issues.fieldProps('pullIntervalSeconds')} data-testid="channel-interval" />
            <FieldProblem text={issues.issueFor('pullIntervalSeconds')} />
          </label>
        </div>
        <p className="muted small">{t('channels.settings.stockHint')}</p>
        <div className="ownership-row">
          {ownerChoice('price', price, setPrice)}
          {ownerChoice('compareAtPrice', compareAt, setCompareAt)}
        </div>
        <p className="muted small">{t('channels.owner.conflictHint')}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="channel-settings-save">
            {t('common.save')}
          </button>
        </div>
      </form>
      {connected ? (
        <div className="card" data-testid="channel-locations">
          <h2>{t('channels.locations.title')}</h2>
          <p className="muted small">{t('channels.locations.hint')}</p>
          {channel.locations.length === 0 ? (
            <p className="muted">{t('channels.locations.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('channels.locations.remote')}</th>
                  <th>{t('channels.locations.local')}</th>
                </tr>
              </thead>
              <tbody>
                {channel.locations.map((mapping) => (
                  <tr key={mapping.remoteLocationId}>
                    <td>{mapping.remoteLocationName}</td>
                    <td>
                      <IdSelect
                        value={mapping.locationId}
                        onChange={(id) => void mapLocation(mapping.remoteLocationId, id)}
                        options={locations}
                        label={(location) => location.name}
                        noneLabel={t('channels.locations.all')}
                        ariaLabel={t('channels.locations.localFor', { name: mapping.remoteLocationName })}
                        testId="channel-location-select"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
      {channel.kind !== null ? <ConnectionCard channel={channel} onSaved={onSaved} /> : null}
      {connected ? (
        <div className="card danger-zone">
          <h2>{t('channels.disconnect.heading')}</h2>
          <p className="muted small">{t('channels.disconnect.goes')} {t('channels.disconnect.stays')}</p>
          <button type="button" className="button button-danger" onClick={() => void disconnect()} data-testid="channel-disconnect">
            {t('channels.disconnect.button')}
          </button>
        </div>
      ) : null}
    </>
  );
}

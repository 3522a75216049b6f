// How a channel's sync is doing, in one word (and since when it fails), and the
// Sync now / Pause / Resume buttons every channel view shares.
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { useJobRun } from './use-sync-refresh.js';
import { When } from './When.js';
import type { ChannelSummary } from './types.js';

type Shown = 'connected' | 'failing' | 'paused' | 'disconnected' | 'none' | 'running';

export function shownStatus(channel: ChannelSummary): Shown {
  if (channel.kind === null || channel.syncStatus === 'none') return 'none';
  if (channel.syncStatus === 'disconnected') return 'disconnected';
  if (channel.paused) return 'paused';
  if (channel.syncStatus === 'failing') return 'failing';
  return 'connected';
}

const statusKeys: Record<Shown, MessageKey> = {
  connected: 'channels.status.connected',
  failing: 'channels.status.failing',
  paused: 'channels.status.paused',
  disconnected: 'channels.status.disconnected',
  none: 'channels.status.none',
  running: 'channels.status.running',
};

export function ChannelStatus({ channel, now }: { channel: ChannelSummary; now: number }): ReactNode {
  const { t } = useI18n();
  const shown = shownStatus(channel);
  return (
    <span className="channel-status-cell">
      <span className={`status sync-status-${shown}`} data-testid="channel-status">
        {t(statusKeys[shown])}
      </span>
      {shown === 'failing' && channel.failingSince ? (
        <span className="muted small">
          {t('channels.failingSince')} <When iso={channel.failingSince} now={now} inline />
        </span>
      ) : null}
      {channel.running ? <span className="pill">{t('channels.status.running')}</span> : null}
    </span>
  );
}

/** Sync now (a job: progress here and in the tray), Pause / Resume. Nothing for a channel without a connection. */
export function SyncButtons({ channel, onChanged }: { channel: ChannelSummary; onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const [busy, setBusy] = useState(false);
  const run = useJobRun(onChanged);
  const shown = shownStatus(channel);
  if (shown === 'none' || shown === 'disconnected') return null;

  const togglePause = async () => {
    setBusy(true);
    try {
      await call(channel.paused ? 'channels.resume' : 'channels.pause', { channelId: channel.id });
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="channel-actions">
      <button
        type="button"
        className="button button-small button-primary"
        disabled={run.running || channel.paused}
        title={channel.paused ? t('channels.pausedHint') : undefined}
        onClick={() => void run.start(() => call('sync.run', { channelId: channel.id, what: 'all' }))}
        data-testid="channel-sync-now"
      >
        {run.running ? t('channels.syncing') : t('channels.syncNow')}
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => void togglePause()} data-testid="channel-pause">
        {channel.paused ? t('channels.resume') : t('channels.pause')}
      </button>
      {run.job && run.job.status === 'running' ? <ProgressBar done={run.job.done} total={run.job.total} label={t('channels.syncing')} /> : null}
    </span>
  );
}

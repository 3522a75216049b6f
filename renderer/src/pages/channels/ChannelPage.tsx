// One channel: its health and buttons on top, then tabs — settings (stock rule,
// schedule, who owns prices, location mapping, disconnect), the catalogue links,
// the channel's review items and its sync log (#/channels/<id>/<tab>).
import type { ReactNode } from 'react';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loaded } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { ChannelSettings } from './ChannelSettings.js';
import { ChannelStatus, SyncButtons } from './ChannelStatus.js';
import { kindLabel } from './ChannelsPage.js';
import { LinksTab } from './LinksTab.js';
import { ReviewQueue } from './ReviewQueue.js';
import { reasonText } from './sync-texts.js';
import { SyncLogTab } from './SyncLogTab.js';
import { useSyncRefresh } from './use-sync-refresh.js';
import type { ChannelDetail } from './types.js';
import { useNow, When } from './When.js';

export const channelTabs = ['settings', 'links', 'review', 'log'] as const;
export type ChannelTab = (typeof channelTabs)[number];

export function ChannelPage({ channelId, tab }: { channelId: number; tab: ChannelTab }): ReactNode {
  const { t } = useI18n();
  const now = useNow();
  // A channel without a connection (POS, imported orders) has no settings to read: its summary is all there is.
  const load = useLoad(async () => {
    const { channels } = await call('channels.list', {});
    const summary = channels.find((candidate) => candidate.id === channelId) ?? null;
    const detail = summary && summary.kind !== null ? await call('channels.get', { channelId }) : null;
    return { summary, detail };
  }, [channelId]);
  useSyncRefresh(load.reload);

  return (
    <Loaded load={load} lines={6}>
      {({ summary, detail }) =>
        !summary ? (
          <EmptyState title={t('channels.notFound')} action={{ label: t('channels.back'), href: routeHref('channels') }} testId="channel-not-found" />
        ) : !detail ? (
          <div className="card channel-head" data-testid="channel-head">
            <div className="channel-head-title">
              <a href={routeHref('channels')} className="muted small">
                ← {t('channels.back')}
              </a>
              <h2 data-testid="channel-name">{summary.name}</h2>
              <ChannelStatus channel={summary} now={now} />
            </div>
            <EmptyState title={t('channels.noConnection')} hint={t('channels.noConnectionHint')} testId="channel-no-connection" />
          </div>
        ) : (
          <ConnectedChannel channel={detail} tab={tab} now={now} reload={load.reload} />
        )
      }
    </Loaded>
  );
}

function ConnectedChannel({ channel, tab, now, reload }: { channel: ChannelDetail; tab: ChannelTab; now: number; reload: () => void }): ReactNode {
  const { t, tKey, locale } = useI18n();
  const channelId = channel.id;
  return (
    <>
      <div className="card channel-head" data-testid="channel-head">
        <div className="channel-head-title">
          <a href={routeHref('channels')} className="muted small">
            ← {t('channels.back')}
          </a>
          <h2 data-testid="channel-name">{channel.name}</h2>
          <span className="muted">{kindLabel(channel.kind, t)}</span>
          <ChannelStatus channel={channel} now={now} />
          <SyncButtons channel={channel} onChanged={reload} />
        </div>
        <dl className="channel-facts">
          <div>
            <dt>{t('channels.col.lastPull')}</dt>
            <dd>
              <When iso={channel.lastPullOkAt} now={now} testId="channel-last-pull" />
            </dd>
          </div>
          <div>
            <dt>{t('channels.col.lastPush')}</dt>
            <dd>
              <When iso={channel.lastPushOkAt} now={now} testId="channel-last-push" />
            </dd>
          </div>
          <div>
            <dt>{t('channels.nextPull')}</dt>
            <dd>{channel.paused ? t('channels.status.paused') : <When iso={channel.nextPullAt} now={now} inline />}</dd>
          </div>
          <div>
            <dt>{t('channels.col.queue')}</dt>
            <dd data-testid="channel-queue">{formatNumber(channel.queueLength, locale)}</dd>
          </div>
          <div>
            <dt>{t('channels.pulledToday')}</dt>
            <dd data-testid="channel-pulled-today">{formatNumber(channel.pulledToday, locale)}</dd>
          </div>
          <div>
            <dt>{t('channels.col.pushedToday')}</dt>
            <dd data-testid="channel-pushed-today">{formatNumber(channel.pushedToday, locale)}</dd>
          </div>
          <div>
            <dt>{t('channels.linkedVariants')}</dt>
            <dd data-testid="channel-links">{formatNumber(channel.links, locale)}</dd>
          </div>
        </dl>
        {channel.lastError ? (
          <p className="channel-error" role="status" data-testid="channel-last-error">
            {t('channels.lastErrorLine', { text: reasonText(channel.lastError, tKey) })}
          </p>
        ) : null}
      </div>
      <nav className="tabs page-tabs" aria-label={channel.name}>
        {channelTabs.map((name) => (
          <a key={name} href={routeHref('channels', channelId, name)} className={name === tab ? 'tab active' : 'tab'} data-testid={`channel-tab-${name}`}>
            {t(`channels.channelTab.${name}`)}
            {name === 'review' && channel.openReview > 0 ? ` (${formatNumber(channel.openReview, locale)})` : ''}
          </a>
        ))}
      </nav>
      {tab === 'settings' ? <ChannelSettings channel={channel} onSaved={reload} /> : null}
      {tab === 'links' ? <LinksTab channelId={channelId} disconnected={channel.syncStatus === 'disconnected' || channel.kind === null} /> : null}
      {tab === 'review' ? <ReviewQueue channelId={channelId} /> : null}
      {tab === 'log' ? <SyncLogTab channelId={channelId} /> : null}
    </>
  );
}

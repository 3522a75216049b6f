// The Channels area (issue 14): the connected marketplaces and their sync health
// (#/channels), one channel with its settings, catalogue links and sync log
// (#/channels/<id>/<tab>), and the review queue of every channel (#/channels/review).
import type { ReactNode } from 'react';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { ChannelPage, channelTabs, type ChannelTab } from './ChannelPage.js';
import { ChannelsPage } from './ChannelsPage.js';
import { ReviewQueue } from './ReviewQueue.js';
import { useSyncRefresh } from './use-sync-refresh.js';
import './channels.css';

export function ChannelsArea({ route }: { route: readonly string[] }): ReactNode {
  const { t, locale } = useI18n();
  // How much waits in the review queue, on its tab: the queue is easy to forget otherwise.
  const summary = useLoad(() => call('channels.list', {}), []);
  useSyncRefresh(summary.reload);
  const open = (summary.data?.channels ?? []).reduce((sum, channel) => sum + channel.openReview, 0);
  const id = Number(route[0]);
  const channelId = Number.isInteger(id) && id > 0 ? id : null;
  const top = route[0] === 'review' ? 'review' : 'list';
  return (
    <div className="page page-channels">
      <div className="page-header">
        <h1>{t('nav.channels')}</h1>
        <nav className="tabs" aria-label={t('nav.channels')}>
          <a href={routeHref('channels')} className={top === 'list' ? 'tab active' : 'tab'} data-testid="channels-tab-list">
            {t('channels.tab.channels')}
          </a>
          <a href={routeHref('channels', 'review')} className={top === 'review' ? 'tab active' : 'tab'} data-testid="channels-tab-review">
            {t('channels.tab.review')}
            {open > 0 ? <span className="count">{formatNumber(open, locale)}</span> : null}
          </a>
        </nav>
      </div>
      {channelId ? (
        <ChannelPage key={channelId} channelId={channelId} tab={channelTabs.find((tab): tab is ChannelTab => tab === route[1]) ?? 'settings'} />
      ) : top === 'review' ? (
        // A "3 to review" link (`#/channels/review?channel=3`) starts the queue filtered to its channel.
        <ReviewQueue key={location.hash} />
      ) : (
        <ChannelsPage />
      )}
    </div>
  );
}

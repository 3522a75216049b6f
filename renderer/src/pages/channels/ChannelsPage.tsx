// Every channel and how its sync is doing: status (failing since when), the last
// good pull and push, what waits to be sent, what went out today, time spent
// waiting for the platform's rate limit, open review items and failed items, and
// the last error in the UI language. Sync now / Pause / Resume per row, and
// "Connect a channel".
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loaded } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatDuration, formatNumber } from '../../i18n/format.js';
import { ChannelStatus, SyncButtons } from './ChannelStatus.js';
import { ConnectDialog } from './ConnectDialog.js';
import { reasonDetails, reasonText } from './sync-texts.js';
import { useSyncRefresh } from './use-sync-refresh.js';
import { useNow, When } from './When.js';
import type { ChannelSummary } from './types.js';

export function kindLabel(kind: ChannelSummary['kind'], t: (key: 'channels.kind.shopify' | 'channels.kind.woocommerce' | 'channels.kind.vendure' | 'channels.kind.none') => string): string {
  return t(kind ? `channels.kind.${kind}` : 'channels.kind.none');
}

/** Connected channels first (they have something to watch), then by name. */
function sortedChannels(channels: readonly ChannelSummary[]): ChannelSummary[] {
  return [...channels].sort((a, b) => Number(a.kind === null) - Number(b.kind === null) || a.name.localeCompare(b.name));
}

export function ChannelsPage(): ReactNode {
  const { t, tKey, locale } = useI18n();
  const now = useNow();
  const load = useLoad(() => call('channels.list', {}), []);
  const [connecting, setConnecting] = useState(false);
  useSyncRefresh(load.reload);

  return (
    <>
      <div className="filters">
        <p className="muted small">{t('channels.lede')}</p>
        <div className="page-actions">
          <button type="button" className="button button-small button-primary" onClick={() => setConnecting(true)} data-testid="channel-connect-open">
            {t('channels.connect')}
          </button>
        </div>
      </div>
      <div className="card">
        <Loaded load={load} lines={4}>
          {({ channels }) =>
            channels.length === 0 ? (
              <EmptyState
                title={t('channels.empty')}
                hint={t('channels.emptyHint')}
                action={{ label: t('channels.connect'), onClick: () => setConnecting(true) }}
                testId="channels-empty"
              />
            ) : (
              <div className="channels-table-wrap">
                <table className="table channels-table" data-testid="channels-table">
                  <thead>
                    <tr>
                      <th>{t('channels.col.channel')}</th>
                      <th>{t('channels.col.status')}</th>
                      <th>{t('channels.col.lastPull')}</th>
                      <th>{t('channels.col.lastPush')}</th>
                      <th className="num">{t('channels.col.queue')}</th>
                      <th className="num">{t('channels.col.pushedToday')}</th>
                      <th className="num">{t('channels.col.throttle')}</th>
                      <th className="num">{t('channels.col.review')}</th>
                      <th>{t('channels.col.lastError')}</th>
                      <th>{t('channels.col.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sortedChannels(channels).map((channel) => (
                      <tr key={channel.id} data-testid={`channel-row-${channel.code}`} data-channel-id={channel.id}>
                        <td>
                          <a href={routeHref('channels', channel.id)} data-testid="channel-open">
                            {channel.name}
                          </a>
                          <span className="muted small block">{kindLabel(channel.kind, t)}</span>
                        </td>
                        <td>
                          <ChannelStatus channel={channel} now={now} />
                        </td>
                        <td>{channel.kind ? <When iso={channel.lastPullOkAt} now={now} testId="channel-last-pull" /> : '—'}</td>
                        <td>{channel.kind ? <When iso={channel.lastPushOkAt} now={now} testId="channel-last-push" /> : '—'}</td>
                        <td className="num" data-testid="channel-queue">{formatNumber(channel.queueLength, locale)}</td>
                        <td className="num" data-testid="channel-pushed-today">{formatNumber(channel.pushedToday, locale)}</td>
                        <td className="num">{channel.throttleWaitMsToday > 0 ? formatDuration(channel.throttleWaitMsToday / 1000, locale) : '—'}</td>
                        <td className="num">
                          {channel.openReview > 0 ? (
                            <a href={`${routeHref('channels', 'review')}?channel=${channel.id}`} data-testid="channel-review-count">
                              {formatNumber(channel.openReview, locale)}
                              {channel.failedItems > 0 ? (
                                <span className="sync-failed-count block">{t('channels.failedCount', { count: formatNumber(channel.failedItems, locale) })}</span>
                              ) : null}
                            </a>
                          ) : (
                            formatNumber(0, locale)
                          )}
                        </td>
                        <td className="channel-error" data-testid="channel-last-error">
                          {channel.lastError ? (
                            <>
                              {reasonText(channel.lastError, tKey)}
                              {reasonDetails(channel.lastError) ? <span className="muted small block">{reasonDetails(channel.lastError)}</span> : null}
                            </>
                          ) : null}
                        </td>
                        <td>
                          <SyncButtons channel={channel} onChanged={load.reload} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </div>
      {connecting ? (
        <ConnectDialog
          onClose={() => setConnecting(false)}
          onConnected={(channelId) => {
            setConnecting(false);
            navigate('channels', channelId, 'links');
          }}
        />
      ) : null}
    </>
  );
}

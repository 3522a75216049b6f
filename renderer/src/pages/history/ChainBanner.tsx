// Said at the top of History when the audit log's hash chain is broken: the shop file
// was changed outside Shopdesk, from that entry on.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../i18n/format.js';

type Status = MethodOutput<'audit.verify'>;

export function ChainBanner(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    // A person who may not read the audit log gets no answer here, and no banner: nothing to say to them.
    call('audit.verify', {}).then(
      (answer) => live && setStatus(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!status?.brokenAt) return null;
  return (
    <div className="card error-text" role="alert" data-testid="audit-chain-broken" style={{ borderLeft: '3px solid var(--danger)' }}>
      {t('audit.chain.broken', { when: formatDateTime(status.brokenAt.at, locale, settings.timeZone), id: status.brokenAt.id })}
    </div>
  );
}

// OS notifications for newly opened alerts: the core emits 'alerts.raised' with
// titles as translation keys; the shell renders them in the shop's language
// (the same texts as the renderer) and shows one notification per evaluation.
import { Notification } from 'electron';
import type { Core } from '../src/core.js';
import type { EventPayload } from '../src/events.js';
import { alertsEn, alertsZh } from '../renderer/src/i18n/areas/alerts.js';

type Texts = Record<keyof typeof alertsEn, string>;

function fill(template: string, params: Record<string, string | number | null>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

function isTextKey(key: string): key is keyof typeof alertsEn {
  return Object.prototype.hasOwnProperty.call(alertsEn, key);
}

export function notificationText(payload: EventPayload<'alerts.raised'>, texts: Texts): { title: string; body: string } {
  const lines = payload.alerts.slice(0, 3).map(({ titleKey, params }) => {
    const kpi = typeof params.kpi === 'string' ? `alerts.kpi.${params.kpi}` : '';
    const shown = isTextKey(kpi) ? { ...params, kpi: texts[kpi] } : params;
    return isTextKey(titleKey) ? fill(texts[titleKey], shown) : titleKey;
  });
  if (payload.count > lines.length) lines.push('…');
  return { title: fill(texts['alerts.notify.title'], { count: payload.count }), body: lines.join('\n') };
}

/** Shows a notification whenever an evaluation opens alerts; returns the unsubscribe. */
export function notifyAlerts(core: Core): () => void {
  return core.on((event) => {
    if (event.name !== 'alerts.raised' || !Notification.isSupported()) return;
    void core.call('settings.get', {}).then((answer) => {
      const locale = answer.ok && typeof answer.value === 'object' && answer.value !== null && 'locale' in answer.value ? answer.value.locale : 'en';
      new Notification(notificationText(event.payload, locale === 'zh-CN' ? alertsZh : alertsEn)).show();
    });
  });
}

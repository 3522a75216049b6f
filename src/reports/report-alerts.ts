// The weekly report's open alerts (new or seen), most severe and newest first,
// each as its title and likely causes in the report's language — the same
// texts the app shows (renderer/src/i18n/areas/alerts.ts: plain data).
import { alertExplanationSchema } from '../alerts/contract.js';
import type { Db } from '../db/open.js';
import type { Locale } from '../settings/contract.js';
import { alertsEn, alertsZh } from '../../renderer/src/i18n/areas/alerts.js';
import { promotionsAlertsEn, promotionsAlertsZh } from '../../renderer/src/i18n/areas/promotions-alerts.js';
import { formatters } from './report-format.js';

export interface OpenAlert {
  title: string;
  detail: string;
  createdAt: string;
}

// The promotion rules' texts live in their own area file; the report reads both.
const textsEn = { ...alertsEn, ...promotionsAlertsEn };
const textsZh: Record<TextKey, string> = { ...alertsZh, ...promotionsAlertsZh };
type TextKey = keyof typeof alertsEn | keyof typeof promotionsAlertsEn;
const isTextKey = (key: string): key is TextKey => Object.prototype.hasOwnProperty.call(textsEn, key);
/** Params that are money in minor units, shown in the shop currency. */
const moneyParams = new Set(['before', 'after', 'profit', 'cost']);

function text(key: string, rawParams: Record<string, string | number | null>, language: Locale, currency: string): string {
  if (!isTextKey(key)) return key;
  const texts = language === 'zh-CN' ? textsZh : textsEn;
  const money = formatters(language, currency, '—').money;
  const params = Object.fromEntries(Object.entries(rawParams).map(([name, value]) => [name, moneyParams.has(name) && typeof value === 'number' ? money(value) : value]));
  // A KPI named in the params reads in the language too.
  const kpiKey = typeof params['kpi'] === 'string' ? `alerts.kpi.${params['kpi']}` : '';
  const filled = isTextKey(kpiKey) ? { ...params, kpi: texts[kpiKey] } : params;
  return texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = filled[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** null when the shop has no alerts table (a file from before the alerts area). */
export function openAlerts(db: Db, language: Locale, limit: number, currency: string): OpenAlert[] | null {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alerts'").get()) return null;
  const rows = db
    .prepare<[number], { raisedAt: string; explanation: string }>(
      `SELECT raised_at AS raisedAt, explanation FROM alerts WHERE status IN ('new', 'seen')
       ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, raised_at DESC, id DESC LIMIT ?`,
    )
    .all(limit);
  return rows.flatMap((row) => {
    const parsed = alertExplanationSchema.safeParse(JSON.parse(row.explanation));
    if (!parsed.success) return [];
    const explanation = parsed.data;
    return [
      {
        title: text(explanation.title.key, explanation.title.params, language, currency),
        detail: explanation.causes.map((cause) => text(cause.key, cause.params, language, currency)).join('; '),
        createdAt: row.raisedAt,
      },
    ];
  });
}

// OS notifications for alerts (issue 16): not one per alert but a daily digest —
// at the digest hour of the shop's day (or the first time the app runs after
// it), "N groups need action: …" — and at once only when an evaluation opens
// an urgent group (a stock-out of a fast mover, a channel failing to sync; see
// src/alerts/group-key.ts). Texts come from the renderer's translations in the
// shop's language; what was already told is kept in userData/alert-digest.json.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, Notification } from 'electron';
import { z } from 'zod';
import { alertsContract } from '../src/alerts/contract.js';
import type { MethodOutput } from '../src/contract.js';
import type { Core } from '../src/core.js';
import { digestDue, emptyDigestState, urgentToNotify, type DigestState } from '../src/alerts/digest.js';
import { alertGroupsEn, alertGroupsZh } from '../renderer/src/i18n/areas/alert-groups.js';
import { alertsEn, alertsZh } from '../renderer/src/i18n/areas/alerts.js';
import { promotionsAlertsEn, promotionsAlertsZh } from '../renderer/src/i18n/areas/promotions-alerts.js';
import { shopLocale } from './shop-locale.js';

type Digest = MethodOutput<'alerts.digest'>;
type DigestGroup = Digest['groups'][number];
type Texts = Record<string, string>;

/** How often the shell looks whether the digest is due (the app may run for days). */
const checkEveryMs = 10 * 60_000;
/** Groups named in one notification; the rest are "…". */
const linesShown = 3;

const stateSchema = z.object({ lastDigestOn: z.string().nullable(), notified: z.array(z.string()) });

function fill(template: string, params: Record<string, string | number | null>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

function textsFor(locale: string): Texts {
  return locale === 'zh-CN' ? { ...alertsZh, ...promotionsAlertsZh, ...alertGroupsZh } : { ...alertsEn, ...promotionsAlertsEn, ...alertGroupsEn };
}

/** "To reorder: Summit Footwear (12)"; a group about one thing is named by its alert's title. */
export function groupLine(group: DigestGroup, texts: Texts): string {
  const rule = texts[`alertGroups.rule.${group.rule}`] ?? group.rule;
  let name = group.name ?? texts['alertGroups.kind.noCategory'] ?? '';
  if (group.title) {
    const params = { ...group.title.params };
    if (typeof params.kpi === 'string') params.kpi = texts[`alerts.kpi.${params.kpi}`] ?? params.kpi;
    name = fill(texts[group.title.key] ?? group.title.key, params);
  }
  return fill(texts['alertGroups.notify.line'] ?? '{rule}: {name} ({count})', { rule, name, count: group.count });
}

export function notificationText(title: string, groups: readonly DigestGroup[], texts: Texts): { title: string; body: string } {
  const lines = groups.slice(0, linesShown).map((group) => groupLine(group, texts));
  if (groups.length > lines.length) lines.push('…');
  return { title, body: lines.join('\n') };
}

function loadState(file: string): DigestState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : emptyDigestState;
  } catch {
    return emptyDigestState;
  }
}

function saveState(file: string, state: DigestState): void {
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Not remembered: at worst a digest or an urgent notice is shown again.
  }
}

/** Daily digest and urgent notices; returns the unsubscribe. */
export function notifyAlerts(core: Core): () => void {
  const file = join(app.getPath('userData'), 'alert-digest.json');
  let state = loadState(file);
  const texts = async (): Promise<Texts> => textsFor(await shopLocale(core));
  const digest = async (): Promise<Digest | null> => {
    const answer = await core.call('alerts.digest', {});
    const parsed = answer.ok ? alertsContract['alerts.digest'].output.safeParse(answer.value) : null;
    return parsed?.success ? parsed.data : null;
  };
  const show = (text: { title: string; body: string }) => {
    if (Notification.isSupported()) new Notification(text).show();
  };

  const daily = async () => {
    const now = await digest();
    if (!now || !digestDue(state, now.today, now.hour)) return;
    state = { ...state, lastDigestOn: now.today };
    saveState(file, state);
    if (now.groups.length === 0) return;
    const t = await texts();
    show(notificationText(fill(t['alertGroups.notify.digestTitle'] ?? '', { count: now.groups.length }), now.groups, t));
  };
  const urgent = async () => {
    const now = await digest();
    if (!now) return;
    const { notify, state: next } = urgentToNotify(state, now.groups);
    state = next;
    saveState(file, state);
    if (notify.length === 0) return;
    const t = await texts();
    show(notificationText(t['alertGroups.notify.urgentTitle'] ?? '', notify, t));
  };

  const timer = setInterval(() => void daily(), checkEveryMs);
  timer.unref();
  void daily();
  const unsubscribe = core.on((event) => {
    if (event.name === 'alerts.raised') void urgent();
  });
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

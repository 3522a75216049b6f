// Alert groups (issue 16): the alerts of a status folded into one group per
// rule × supplier / category / subject (group-key.ts), with the count, the worst
// items and one action; a group's alerts listed worst first; a whole group
// marked seen or resolved; a supplier's below-reorder-point group turned into
// one draft PO by the Reorder page's own service; and the daily digest's list.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { createReorderService } from '../purchasing/reorder-service.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { localDateOf } from '../shared/local-time.js';
import { createSettingsStore } from '../settings/store.js';
import type { Alert, AlertGroup, AlertGroupMeasure, AlertStatus, alertsContract } from './contract.js';
import { compareWorst, groupAction, groupOf, isUrgent, measureOf, needsAction, severityRank, worseSeverity, type GroupRef } from './group-key.js';
import { createAlertGroupStore, type AlertWithRefs } from './group-store.js';
import { createAlertStore } from './store.js';

type Out<M extends keyof typeof alertsContract> = z.output<(typeof alertsContract)[M]['output']>;

/** Items shown on a group's card. */
export const worstShown = 3;

interface Ranked {
  alert: Alert;
  rank: number;
  measure: AlertGroupMeasure;
}

interface Folded {
  ref: GroupRef;
  items: Ranked[];
}

/** The top-level category of each category (parent links followed up; a broken chain stops where it breaks). */
export function rootCategories(categories: readonly { id: number; parentId: number | null }[]): Map<number, number> {
  const parent = new Map(categories.map((row) => [row.id, row.parentId]));
  const roots = new Map<number, number>();
  for (const { id } of categories) {
    let at = id;
    for (let depth = 0; depth < 64; depth++) {
      const up = parent.get(at);
      if (up === undefined || up === null) break;
      at = up;
    }
    roots.set(id, at);
  }
  return roots;
}

/** Folds alerts into their groups, each group's items worst first; `roots` maps a category to its top-level one. */
export function foldGroups(alerts: readonly AlertWithRefs[], roots: ReadonlyMap<number, number>): Map<string, Folded> {
  const groups = new Map<string, Folded>();
  for (const { alert, refs } of alerts) {
    const categoryId = refs.categoryId === null ? null : (roots.get(refs.categoryId) ?? refs.categoryId);
    const ref = groupOf(alert, { ...refs, categoryId });
    const { measure, rank } = measureOf(alert);
    const group = groups.get(ref.key) ?? { ref, items: [] };
    group.items.push({ alert, rank, measure });
    groups.set(ref.key, group);
  }
  for (const group of groups.values()) group.items.sort(compareWorst);
  return groups;
}

/** The worst few items, one per subject (an item's stock-out and reorder alerts are one item; its worst alert shows). */
function worstItems(items: readonly Ranked[]): AlertGroup['worst'] {
  const subjects = new Set<string>();
  const worst: AlertGroup['worst'] = [];
  for (const { alert, measure } of items) {
    const subject = `${alert.subjectType}:${alert.subjectId ?? ''}`;
    if (subjects.has(subject)) continue;
    subjects.add(subject);
    worst.push({ alert, measure });
    if (worst.length === worstShown) break;
  }
  return worst;
}

export function createAlertGroupService(db: Db, clock: Clock) {
  const groupStore = createAlertGroupStore(db);
  const store = createAlertStore(db);

  const describe = (folded: Folded, names: { suppliers: Map<number, string>; categories: Map<number, string> }): AlertGroup => {
    const { ref, items } = folded;
    const first = items[0]?.alert;
    if (!first) throw new Error(`alert group ${ref.key} has no alerts`);
    const name =
      ref.refId === null ? null : ref.kind === 'supplier' ? (names.suppliers.get(ref.refId) ?? null) : ref.kind === 'category' ? (names.categories.get(ref.refId) ?? null) : null;
    return {
      key: ref.key,
      rule: ref.rule,
      kind: ref.kind,
      name,
      title: ref.kind === 'subject' ? first.explanation.title : null,
      count: items.length,
      newCount: items.filter((item) => item.alert.status === 'new').length,
      severity: items.reduce<Alert['severity']>((worst, item) => worseSeverity(worst, item.alert.severity), 'info'),
      needsAction: items.some((item) => needsAction(item.alert)),
      urgent: items.some((item) => isUrgent(item.alert)),
      worst: worstItems(items),
      action: groupAction(ref, first),
    };
  };

  const catalogue = () => {
    const categories = groupStore.categories();
    return {
      roots: rootCategories(categories),
      names: { suppliers: groupStore.supplierNames(), categories: new Map(categories.map((row) => [row.id, row.path])) },
    };
  };
  const fold = (alerts: readonly AlertWithRefs[]) => foldGroups(alerts, catalogue().roots);

  /** The groups needing action and the urgent ones, over every new alert (filter-independent, for the badge). */
  const newGroups = (): AlertGroup[] => {
    const { roots, names } = catalogue();
    return [...foldGroups(groupStore.alerts('new'), roots).values()].map((folded) => describe(folded, names));
  };

  /** Needing action first, then the worst severity, then the most alerts. */
  const order = (a: AlertGroup, b: AlertGroup) =>
    Number(b.needsAction) - Number(a.needsAction) || severityRank(a.severity) - severityRank(b.severity) || b.count - a.count || a.key.localeCompare(b.key);

  const groupOfKey = (key: string, statuses: readonly AlertStatus[] | undefined): Folded | undefined => {
    const alerts = statuses === undefined ? groupStore.alerts(undefined) : statuses.flatMap((status) => groupStore.alerts(status));
    return fold(alerts).get(key);
  };

  const groupItems = (key: string, statuses: readonly AlertStatus[] | undefined): Ranked[] => groupOfKey(key, statuses)?.items ?? [];

  const groups = (status: AlertStatus | undefined): Out<'alerts.groups'> => {
    const { roots, names } = catalogue();
    const listed = [...foldGroups(groupStore.alerts(status), roots).values()].map((folded) => describe(folded, names)).sort(order);
    const fresh = status === 'new' ? listed : newGroups();
    return {
      groups: listed,
      counts: store.counts(),
      needAction: fresh.filter((group) => group.needsAction).length,
      urgent: fresh.filter((group) => group.urgent).length,
    };
  };

  /** A group's alerts of the status, worst first. */
  const list = (key: string, status: AlertStatus | undefined, offset: number, limit: number) => {
    const items = groupItems(key, status === undefined ? undefined : [status]);
    return { alerts: items.slice(offset, offset + limit).map((item) => item.alert), total: items.length };
  };

  const setStatus = db.transaction((key: string, next: 'seen' | 'resolved'): { updated: number } => {
    const now = clock.now().toISOString();
    let updated = 0;
    if (next === 'seen') for (const item of groupItems(key, ['new'])) updated += store.markSeen(item.alert.id, now);
    else for (const item of groupItems(key, ['new', 'seen'])) updated += store.markResolved(item.alert.id, now);
    return { updated };
  });

  const createPo = db.transaction((key: string, locationId: number | undefined, actor: string): Out<'alerts.groups.createPo'> => {
    const group = groupOfKey(key, ['new', 'seen']);
    const open = group?.items ?? [];
    const supplierId = group?.ref.rule === 'belowReorderPoint' && group.ref.kind === 'supplier' ? group.ref.refId : null;
    if (supplierId === null) {
      throw new AppError('CONFLICT', `Alert group ${key} has no open below-reorder-point alerts of a supplier; no purchase order was created.`, {
        key: 'notAPurchaseGroup',
        params: { group: key },
      });
    }
    // The alerts were raised at the last evaluation: order only what the Reorder page suggests now.
    const reorder = createReorderService(db, clock);
    const suggested = reorder.suggestions({ supplierId, locationId, search: '', offset: 0, limit: Number.MAX_SAFE_INTEGER });
    const now = new Set(suggested.suppliers.flatMap((group) => group.lines.map((line) => line.variantId)));
    const variantIds = open.map((item) => Number(item.alert.subjectId)).filter((variantId) => now.has(variantId));
    if (variantIds.length === 0) {
      throw new AppError('CONFLICT', 'Nothing in this group needs ordering from its supplier right now; no purchase order was created.', {
        key: 'nothingToOrder',
        params: { supplierId },
      });
    }
    const target = locationId ?? suggested.locationId;
    if (target === null) {
      throw new AppError('CONFLICT', 'There is no active shelf location to receive a purchase order; no purchase order was created.', {
        key: 'noReceivingLocation',
        params: {},
      });
    }
    const created = reorder.createDraft({ supplierId, locationId: target, variantIds }, actor);
    const seenAt = clock.now().toISOString();
    let seen = 0;
    for (const item of open) if (item.alert.status === 'new') seen += store.markSeen(item.alert.id, seenAt);
    return { ...created, seen };
  });

  const digest = (): Out<'alerts.digest'> => {
    const timeZone = createSettingsStore(db).get()?.timeZone ?? 'UTC';
    const now = clock.now();
    const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now)) % 24;
    const groupsNow = newGroups()
      .filter((group) => group.needsAction)
      .sort(order)
      .map(({ key, rule, name, title, newCount, urgent }) => ({ key, rule, name, title, count: newCount, urgent }));
    return { today: localDateOf(now, timeZone), hour, groups: groupsNow };
  };

  return {
    groups,
    list,
    setStatus: (key: string, next: 'seen' | 'resolved') => setStatus(key, next),
    createPo: (key: string, locationId: number | undefined, actor: string) => createPo(key, locationId, actor),
    digest,
  };
}

// SQL of the alerts table: open alerts by fingerprint, list, status changes.
import type { Db } from '../db/open.js';
import type { Alert, AlertExplanation, AlertStatus } from './contract.js';
import { alertExplanationSchema } from './contract.js';
import type { Finding } from './rule-context.js';

export interface AlertRow {
  id: number;
  rule: Alert['rule'];
  subjectType: Alert['subjectType'];
  subjectId: string | null;
  status: AlertStatus;
  severity: Alert['severity'];
  raisedAt: string;
  seenAt: string | null;
  resolvedAt: string | null;
  checkedAt: string;
  explanation: string;
}

/** The alert columns, each qualified by `table` when the query joins others. */
export function alertColumns(table = ''): string {
  const t = table === '' ? '' : `${table}.`;
  return `${t}id AS id, ${t}rule AS rule, ${t}subject_type AS subjectType, ${t}subject_id AS subjectId, ${t}status AS status,
  ${t}severity AS severity, ${t}raised_at AS raisedAt, ${t}seen_at AS seenAt, ${t}resolved_at AS resolvedAt,
  ${t}checked_at AS checkedAt, ${t}explanation AS explanation`;
}
const columns = alertColumns();

/** An open alert as the evaluator compares it with a new finding. */
export interface OpenAlert {
  id: number;
  severity: string;
  /** The stored explanation JSON. */
  explanation: string;
}

export function toAlert(row: AlertRow): Alert {
  const explanation: AlertExplanation = alertExplanationSchema.parse(JSON.parse(row.explanation));
  return { ...row, explanation };
}

export function createAlertStore(db: Db) {
  const open = db.prepare<[], OpenAlert & { fingerprint: string }>(
    "SELECT id, fingerprint, severity, explanation FROM alerts WHERE status <> 'resolved'",
  );
  const suppressed = db.prepare<[], { fingerprint: string }>('SELECT DISTINCT fingerprint FROM alerts WHERE suppressed = 1');
  const insert = db.prepare<[Finding & { now: string; json: string }]>(
    `INSERT INTO alerts (rule, subject_type, subject_id, fingerprint, status, severity, raised_at, checked_at, explanation)
     VALUES (@rule, @subjectType, @subjectId, @fingerprint, 'new', @severity, @now, @now, @json)`,
  );
  const refresh = db.prepare<[{ id: number; now: string; json: string; severity: string }]>(
    'UPDATE alerts SET checked_at = @now, explanation = @json, severity = @severity WHERE id = @id',
  );
  // Open alerts whose finding did not change: only the time they were last checked moves.
  const touch = db.prepare<[{ now: string; ids: string }]>('UPDATE alerts SET checked_at = @now WHERE id IN (SELECT value FROM json_each(@ids))');
  const resolveByCondition = db.prepare<[string, number]>("UPDATE alerts SET status = 'resolved', resolved_at = ? WHERE id = ?");
  const unsuppress = db.prepare<[string]>('UPDATE alerts SET suppressed = 0 WHERE fingerprint = ? AND suppressed = 1');
  const byId = db.prepare<[number], { id: number; status: AlertStatus }>('SELECT id, status FROM alerts WHERE id = ?');
  const markSeen = db.prepare<[string, number]>("UPDATE alerts SET status = 'seen', seen_at = ? WHERE id = ? AND status = 'new'");
  const markResolved = db.prepare<[string, number]>(
    "UPDATE alerts SET status = 'resolved', resolved_at = ?, suppressed = 1 WHERE id = ? AND status <> 'resolved'",
  );
  const counts = db.prepare<[], { status: AlertStatus; n: number }>('SELECT status, COUNT(*) AS n FROM alerts GROUP BY status');
  const page = db.prepare<[{ status: string | null; limit: number; offset: number }], AlertRow>(
    `SELECT ${columns} FROM alerts WHERE @status IS NULL OR status = @status
     ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, raised_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const one = db.prepare<[number], AlertRow>(`SELECT ${columns} FROM alerts WHERE id = ?`);

  return {
    /** Open alerts by fingerprint, with what a refresh compares (severity, stored explanation JSON). */
    openByFingerprint: () => new Map(open.all().map(({ fingerprint, ...row }) => [fingerprint, row])),
    suppressedFingerprints: () => new Set(suppressed.all().map((row) => row.fingerprint)),
    insert: (finding: Finding, now: string) =>
      Number(insert.run({ ...finding, now, json: JSON.stringify(finding.explanation) }).lastInsertRowid),
    /**
     * Brings open alerts up to date with their findings, in one statement for those whose finding is
     * unchanged (thousands on a large shop) and one per changed alert.
     */
    refreshAll: (entries: readonly { alert: OpenAlert; finding: Finding }[], now: string) => {
      const unchanged: number[] = [];
      for (const { alert, finding } of entries) {
        const json = JSON.stringify(finding.explanation);
        if (json === alert.explanation && finding.severity === alert.severity) unchanged.push(alert.id);
        else refresh.run({ id: alert.id, now, json, severity: finding.severity });
      }
      if (unchanged.length > 0) touch.run({ now, ids: JSON.stringify(unchanged) });
    },
    resolveByCondition: (id: number, now: string) => resolveByCondition.run(now, id),
    unsuppress: (fingerprint: string) => unsuppress.run(fingerprint),
    status: (id: number) => byId.get(id)?.status ?? null,
    markSeen: (id: number, now: string) => markSeen.run(now, id).changes,
    markResolved: (id: number, now: string) => markResolved.run(now, id).changes,
    counts: (): Record<AlertStatus, number> => {
      const result = { new: 0, seen: 0, resolved: 0 };
      for (const row of counts.all()) result[row.status] = row.n;
      return result;
    },
    list: (status: AlertStatus | undefined, offset: number, limit: number) =>
      page.all({ status: status ?? null, offset, limit }).map(toAlert),
    get: (id: number) => {
      const row = one.get(id);
      return row ? toAlert(row) : null;
    },
  };
}

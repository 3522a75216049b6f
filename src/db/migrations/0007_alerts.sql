-- Alerts that explain themselves (metrics.md "Alerts", issue 5). One row per
-- alert; the evaluator opens, keeps and resolves them by fingerprint (rule +
-- subject + condition), so re-evaluating never duplicates an open alert.
-- The explanation is JSON of translation keys and params (what moved, value,
-- baseline, change, causes, suggested action) so every face translates it.

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,            -- 'belowReorderPoint', 'stockOut', 'returnRateSpike', 'salesDrop', 'deadStockGrowth', 'kpiLimit'
  subject_type TEXT NOT NULL,    -- 'variant', 'product', 'category', 'shop', 'kpi'
  subject_id TEXT,               -- the variant/product/category id, or the KPI name
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'seen', 'resolved')),
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  raised_at TEXT NOT NULL,
  seen_at TEXT,
  resolved_at TEXT,
  -- The last evaluation that still saw the condition (explanation refreshed then).
  checked_at TEXT NOT NULL,
  -- Resolved by the owner while the condition still held: not raised again
  -- until an evaluation has seen the condition gone (then cleared to 0).
  suppressed INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),
  explanation TEXT NOT NULL CHECK (json_valid(explanation))
);
-- One open alert per condition; resolved ones stay as history.
CREATE UNIQUE INDEX alerts_open_fingerprint ON alerts (fingerprint) WHERE status <> 'resolved';
CREATE INDEX alerts_by_status ON alerts (status, raised_at);
CREATE INDEX alerts_suppressed ON alerts (fingerprint) WHERE suppressed = 1;

-- Limits the owner sets on a daily KPI; NULL = no limit on that side. With no
-- row the default band applies (same weekday, median ± 3 × MAD over 8 weeks).
CREATE TABLE alert_limits (
  kpi TEXT PRIMARY KEY CHECK (kpi IN ('netSales', 'orders', 'returnRate')),
  lower_limit REAL,
  upper_limit REAL,
  updated_at TEXT NOT NULL,
  CHECK (lower_limit IS NULL OR upper_limit IS NULL OR lower_limit <= upper_limit)
);

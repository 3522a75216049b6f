-- Spreadsheet imports: the column mapping a person chose for a file layout
-- (target + normalised headers), reused the next time the same layout comes in.
CREATE TABLE import_mappings (
  layout_key TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  -- JSON array: per column index, the field key or null.
  assignments TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Orders brought in from another system are history: they never move stock.
ALTER TABLE orders ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));

-- Stock brought in by spreadsheet imports (issue 12).
--
-- 1. Committed stock carried over from another system. Shopify's inventory
--    export has On hand and Available; the difference is stock already promised
--    to orders Shopdesk does not hold (or set aside as unavailable). It is kept
--    in `committed` (so every reader's available = on_hand - committed stays
--    right without knowing about it) and remembered here, so a later stock
--    import can release or replace it. Invariant: 0 <= carried_committed <= committed.
ALTER TABLE stock_levels ADD COLUMN carried_committed INTEGER NOT NULL DEFAULT 0 CHECK (carried_committed >= 0);

-- 2. Undo of an import that created a variant deletes the variant, and a ledger
--    row cannot outlive the variant it moved (stock_movements.variant_id is a
--    foreign key). The undo names such a variant here for the length of its
--    transaction, erases that variant's movements and removes the name again;
--    every other delete of a movement is still refused.
CREATE TABLE ledger_erasures (
  variant_id INTEGER PRIMARY KEY
);

DROP TRIGGER stock_movements_no_delete;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
WHEN NOT EXISTS (SELECT 1 FROM ledger_erasures e WHERE e.variant_id = OLD.variant_id)
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only');
END;

-- Daily work made safe and clear (issue 13).

-- A price or cost change beyond ± this percentage shows old and new values and asks first.
ALTER TABLE shop_settings ADD COLUMN price_change_confirm_percent INTEGER NOT NULL DEFAULT 50
  CHECK (price_change_confirm_percent BETWEEN 1 AND 1000);
-- How typed numbers are read: 'auto' follows the shop's currency and the person's language;
-- '.' or ',' fixes the decimal mark. An input that could be read both ways is asked about.
ALTER TABLE shop_settings ADD COLUMN decimal_mark TEXT NOT NULL DEFAULT 'auto'
  CHECK (decimal_mark IN ('auto', '.', ','));

-- History is stored as what happened (an i18n key and its parameters) and rendered in the
-- reader's language; `summary` keeps an English text for exports, logs and older rows.
ALTER TABLE change_sets ADD COLUMN summary_key TEXT;
ALTER TABLE change_sets ADD COLUMN summary_params TEXT; -- JSON object of string/number values

-- The exchange rate last used to receive a supplier's order in a foreign currency:
-- proposed on the next receipt in that currency.
CREATE TABLE supplier_exchange_rates (
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  currency TEXT NOT NULL,
  rate REAL NOT NULL CHECK (rate > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (supplier_id, currency)
);

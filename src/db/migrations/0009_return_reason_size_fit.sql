-- Return reasons as marketplaces' buyers pick them say "尺码不合适 / 尺码拍错" (size or
-- fit) without telling too small from too large; imported returns keep that reason
-- in the 'fit' group the returns report splits by (spreadsheets.md).
INSERT INTO return_reasons (code, reason_group, name_en, name_zh) VALUES
  ('size_fit', 'fit', 'Size or fit', '尺码不合适');

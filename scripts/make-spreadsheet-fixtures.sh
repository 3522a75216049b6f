#!/bin/sh
# Regenerates tests/fixtures/spreadsheets/ (see its README.md). Needs python3
# and LibreOffice Calc (apt-get install libreoffice-calc-nogui); the files are
# committed, so tests and CI never need LibreOffice.
set -eu
cd "$(dirname "$0")/.."
out=tests/fixtures/spreadsheets
python3 scripts/spreadsheet-fixtures.py
convert() { # source.fods filter extension target-name
  tmp=$(mktemp -d)
  soffice --headless --norestore --convert-to "$3:$2" --outdir "$tmp" "$out/src/$1" >/dev/null
  mv "$tmp"/*."$3" "$out/$4"
  rm -rf "$tmp"
}
convert products-sheet.fods 'Calc MS Excel 2007 XML' xlsx products-libreoffice.xlsx
convert products-sheet.fods 'MS Excel 97' xls products-legacy.xls
convert products-sheet.fods 'calc8' ods products.ods
convert products-merged-header.fods 'Calc MS Excel 2007 XML' xlsx products-merged-header.xlsx
convert orders-history.fods 'Calc MS Excel 2007 XML' xlsx orders-history.xlsx
convert stocktake-counts.fods 'Calc MS Excel 2007 XML' xlsx stocktake-counts.xlsx
convert supplier-items-zh.fods 'Calc MS Excel 2007 XML' xlsx supplier-items-zh.xlsx
# Round trip: the Products grid export, edited and saved by LibreOffice (see README.md).
tmp=$(mktemp -d)
npx tsx scripts/export-products-fixture.ts "$tmp/export.csv"
python3 - "$tmp/export.csv" "$tmp/Products.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
header = rows[0]
for row in rows[1:]:
    if row[header.index('SKU')] == 'LS-BLU-M':
        row[header.index('Price')] = '189.00'
    if row[header.index('SKU')] == 'TC-001':
        row[header.index('Product')] = 'Tea Cup (porcelain)'
        row[header.index('SKU')] = 'TC-001-P'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline=''), lineterminator='\r\n').writerows(rows)
PY
soffice --headless --norestore --infilter=CSV:44,34,76,1 --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp" "$tmp/Products.csv" >/dev/null
mv "$tmp/Products.xlsx" "$out/products-export-edited-libreoffice.xlsx"
rm -rf "$tmp"
ls -la "$out"

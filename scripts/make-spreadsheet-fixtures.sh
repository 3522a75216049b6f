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
ls -la "$out"

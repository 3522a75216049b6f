#!/usr/bin/env python3
"""Writes the spreadsheet import fixtures in tests/fixtures/spreadsheets/.

Text files are written byte for byte (encodings, BOMs, delimiters); the
workbooks are written as flat ODS (src/*.fods: real merged cells, formulas,
date cells) and converted by LibreOffice, as a merchant's office suite would
save them. Run: scripts/make-spreadsheet-fixtures.sh (needs libreoffice-calc).
"""
import os

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'spreadsheets')
SRC = os.path.join(OUT, 'src')

# The canonical catalog every product fixture carries (README.md lists it).
PRODUCTS = [
    # handle, title, brand, category, tags, (opt1 name, value), (opt2 name, value), sku, barcode, price, compare, cost, grams
    ('linen-shirt', 'Linen Shirt', 'Hanfu Lab', 'Clothing > Shirts', 'summer, linen', ('Colour', 'White'), ('Size', 'M'), 'LS-WHT-M', '6901234500011', '199.00', '259.00', '80.50', 250),
    ('linen-shirt', 'Linen Shirt', 'Hanfu Lab', 'Clothing > Shirts', 'summer, linen', ('Colour', 'White'), ('Size', 'L'), 'LS-WHT-L', '6901234500028', '199.00', '259.00', '80.50', 250),
    ('linen-shirt', 'Linen Shirt', 'Hanfu Lab', 'Clothing > Shirts', 'summer, linen', ('Colour', 'Blue'), ('Size', 'M'), 'LS-BLU-M', '6901234500035', '199.00', '259.00', '80.50', 250),
    ('linen-shirt', 'Linen Shirt', 'Hanfu Lab', 'Clothing > Shirts', 'summer, linen', ('Colour', 'Blue'), ('Size', 'L'), 'LS-BLU-L', '6901234500042', '199.00', '259.00', '80.50', 250),
    ('tea-cup', 'Tea Cup', 'Jingdezhen', 'Home > Kitchen', '', (None, None), (None, None), 'TC-001', '', '39.90', '', '12.00', 180),
    ('thermos', '保温杯 Thermos', 'Tiger', 'Home > Kitchen', '', ('Colour', 'Red'), (None, None), 'TH-RED', '', '1299.00', '', '650.00', 400),
    ('thermos', '保温杯 Thermos', 'Tiger', 'Home > Kitchen', '', ('Colour', 'Black'), (None, None), 'TH-BLK', '', '1299.00', '', '650.00', 400),
]
TEMPLATE = ['Handle', 'Title', 'Brand', 'Category', 'Tags', 'Option1 name', 'Option1 value', 'Option2 name', 'Option2 value', 'SKU', 'Barcode', 'Price', 'Compare-at price', 'Cost', 'Weight (g)']


def template_rows(decimal_comma=False):
    rows = [TEMPLATE]
    for p in PRODUCTS:
        money = [m.replace('.', ',') if decimal_comma else m for m in (p[9], p[10], p[11])]
        rows.append([p[0], p[1], p[2], p[3], p[4], p[5][0] or '', p[5][1] or '', p[6][0] or '', p[6][1] or '', p[7], p[8], money[0], money[1], money[2], str(p[12])])
    return rows


def csv_text(rows, delimiter=',', newline='\r\n'):
    def cell(value):
        value = str(value)
        if any(ch in value for ch in (delimiter, '"', '\n', '\r')):
            return '"' + value.replace('"', '""') + '"'
        return value
    return newline.join(delimiter.join(cell(c) for c in row) for row in rows) + newline


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as handle:
        handle.write(data)


def text_fixtures():
    write('products-template-utf8.csv', csv_text(template_rows(), newline='\n').encode('utf-8'))
    with_description = [row[:2] + ['Description'] + row[2:] if i == 0 else row[:2] + ['Breathable, "washed" linen\nfor summer' if row[0] == 'linen-shirt' else ''] + row[2:] for i, row in enumerate(template_rows())]
    write('products-template-utf8-bom.csv', b'\xef\xbb\xbf' + csv_text(with_description).encode('utf-8'))
    write('products-utf16le.txt', b'\xff\xfe' + csv_text(template_rows(), delimiter='\t').encode('utf-16-le'))
    write('products-semicolon.csv', csv_text(template_rows(decimal_comma=True), delimiter=';').encode('utf-8'))
    zh_header = ['商品名称', '品牌', '分类', '颜色', '尺码', '商品编码', '条形码', '售价', '划线价', '成本价', '重量', '状态']
    zh_rows = [zh_header]
    for p in PRODUCTS:
        price = '￥1,299.00' if p[7] == 'TH-RED' else ('1,299元' if p[7] == 'TH-BLK' else '¥' + p[9])
        zh_rows.append([p[1], p[2], p[3], p[5][1] or '', p[6][1] or '', p[7], p[8], price, p[10], p[11], str(p[12]), '上架'])
    write('products-zh-gb18030.csv', (csv_text(zh_rows) + '\r\n,,,,,,,,,,,\r\n').encode('gb18030'))

    shopify_old = ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published', 'Option1 Name', 'Option1 Value', 'Option2 Name', 'Option2 Value', 'Option3 Name', 'Option3 Value', 'Variant SKU', 'Variant Grams', 'Variant Inventory Tracker', 'Variant Inventory Qty', 'Variant Inventory Policy', 'Variant Fulfillment Service', 'Variant Price', 'Variant Compare At Price', 'Variant Requires Shipping', 'Variant Taxable', 'Variant Barcode', 'Image Src', 'Image Position', 'Image Alt Text', 'Gift Card', 'SEO Title', 'SEO Description', 'Google Shopping / Google Product Category', 'Google Shopping / Gender', 'Google Shopping / Age Group', 'Google Shopping / MPN', 'Google Shopping / Condition', 'Google Shopping / Custom Product', 'Variant Image', 'Variant Weight Unit', 'Variant Tax Code', 'Cost per item', 'Status']
    rows = [shopify_old]
    seen = set()
    for p in PRODUCTS:
        first = p[0] not in seen
        seen.add(p[0])
        o1 = (p[5][0], p[5][1]) if p[5][0] else ('Title', 'Default Title')
        row = dict.fromkeys(shopify_old, '')
        row.update({'Handle': p[0], 'Option1 Value': o1[1], 'Option2 Value': p[6][1] or '', 'Variant SKU': p[7], 'Variant Grams': str(p[12]), 'Variant Inventory Tracker': 'shopify', 'Variant Inventory Qty': '10', 'Variant Inventory Policy': 'deny', 'Variant Fulfillment Service': 'manual', 'Variant Price': p[9], 'Variant Compare At Price': p[10], 'Variant Requires Shipping': 'TRUE', 'Variant Taxable': 'TRUE', 'Variant Barcode': p[8], 'Variant Weight Unit': 'g', 'Cost per item': p[11]})
        if first:
            row.update({'Title': p[1], 'Body (HTML)': '<p>' + p[1] + '</p>', 'Vendor': p[2], 'Type': p[3].split(' > ')[-1], 'Tags': p[4], 'Published': 'TRUE', 'Option1 Name': o1[0], 'Option2 Name': p[6][0] or '', 'Gift Card': 'FALSE', 'Status': 'active', 'Image Src': 'https://cdn.example.com/' + p[0] + '-1.jpg', 'Image Position': '1'})
        rows.append([row[h] for h in shopify_old])
    image_row = dict.fromkeys(shopify_old, '')
    image_row.update({'Handle': 'linen-shirt', 'Image Src': 'https://cdn.example.com/linen-shirt-2.jpg', 'Image Position': '2'})
    rows.insert(5, [image_row[h] for h in shopify_old])
    write('shopify-products-old.csv', csv_text(rows).encode('utf-8'))

    renames = {'Handle': 'URL handle', 'Body (HTML)': 'Description', 'Product Category': 'Product category', 'Published': 'Published on online store', 'Option1 Name': 'Option1 name', 'Option1 Value': 'Option1 value', 'Option2 Name': 'Option2 name', 'Option2 Value': 'Option2 value', 'Option3 Name': 'Option3 name', 'Option3 Value': 'Option3 value', 'Variant SKU': 'SKU', 'Variant Grams': 'Weight value (grams)', 'Variant Inventory Qty': 'Inventory quantity', 'Variant Price': 'Price', 'Variant Compare At Price': 'Compare-at price', 'Variant Barcode': 'Barcode', 'Image Src': 'Product image URL', 'Image Position': 'Image position'}
    new_header = [renames.get(h, h) for h in shopify_old]
    write('shopify-products-new.csv', csv_text([new_header] + rows[1:]).encode('utf-8'))

    inventory_header = ['Handle', 'Title', 'Option1 Name', 'Option1 Value', 'Option2 Name', 'Option2 Value', 'Option3 Name', 'Option3 Value', 'SKU', 'HS Code', 'COO', 'Location', 'Bin name', 'Incoming (not editable)', 'Unavailable (not editable)', 'Committed (not editable)', 'Available (not editable)', 'On hand (current)', 'On hand (new)']
    inventory = [inventory_header]
    for sku, qty in (('LS-WHT-M', 12), ('LS-WHT-L', 8), ('LS-BLU-M', 5), ('LS-BLU-L', 0), ('TC-001', 30)):
        inventory.append(['x', 'x', 'Title', 'Default Title', '', '', '', '', sku, '', '', 'Main Warehouse', '', '0', '0', '0', '0', '0', str(qty)])
    inventory.append(['tea-cup', 'Tea Cup', 'Title', 'Default Title', '', '', '', '', 'TC-001', '', '', 'Shop Floor', '', '0', '0', '0', 'Not stocked', 'Not stocked', 'Not stocked'])
    inventory.append(['linen-shirt', 'Linen Shirt', 'Colour', 'White', 'Size', 'M', '', '', 'LS-WHT-M', '', '', 'Shop Floor', '', '0', '0', '0', '0', '0', '3'])
    write('shopify-inventory.csv', csv_text(inventory).encode('utf-8'))

    woo_header = ['ID', 'Type', 'SKU', 'Name', 'Published', 'Is featured?', 'Visibility in catalog', 'Short description', 'Description', 'Regular price', 'Sale price', 'In stock?', 'Stock', 'Weight (kg)', 'Categories', 'Tags', 'Images', 'Parent', 'Attribute 1 name', 'Attribute 1 value(s)', 'Attribute 1 visible', 'Attribute 1 global', 'Attribute 2 name', 'Attribute 2 value(s)', 'Attribute 2 visible', 'Attribute 2 global']
    woo = [woo_header,
           ['101', 'variable', 'LS', 'Linen Shirt', '1', '0', 'visible', '', 'Breathable linen', '', '', '1', '', '0.25', 'Clothing > Shirts', 'summer, linen', 'https://cdn.example.com/linen-shirt-1.jpg', '', 'Colour', 'White, Blue', '1', '1', 'Size', 'M, L', '1', '1']]
    for i, p in enumerate(PRODUCTS[:4]):
        woo.append([str(102 + i), 'variation', p[7], 'Linen Shirt - ' + p[5][1] + ', ' + p[6][1], '1', '0', 'visible', '', '', '259', '199', '1', '10', '0.25', '', '', '', 'id:101', 'Colour', p[5][1], '1', '1', 'Size', p[6][1], '1', '1'])
    woo.append(['110', 'simple', 'TC-001', 'Tea Cup', '1', '0', 'visible', '', '', '39.90', '', '1', '30', '0.18', 'Home > Kitchen', '', '', '', '', '', '', '', '', '', '', ''])
    woo.append(['120', 'variable', 'TH', '保温杯 Thermos', '1', '0', 'visible', '', '', '', '', '1', '', '0.4', 'Home > Kitchen', '', '', '', 'Colour', 'Red, Black', '1', '1', '', '', '', ''])
    for i, (sku, colour) in enumerate((('TH-RED', 'Red'), ('TH-BLK', 'Black'))):
        woo.append([str(121 + i), 'variation', sku, '保温杯 Thermos - ' + colour, '1', '0', 'visible', '', '', '1299', '', '1', '5', '0.4', '', '', '', 'TH', 'Colour', colour, '1', '1', '', '', '', ''])
    write('woocommerce-products.csv', csv_text(woo).encode('utf-8'))

    write('stock-levels-zh.csv', b'\xef\xbb\xbf' + csv_text([['仓库', '商品编码', '库存数量'], ['Main Warehouse', 'LS-WHT-M', '12'], ['Main Warehouse', 'TC-001', '30'], ['Main Warehouse', 'NOPE-1', '3'], ['Main Warehouse', 'TH-RED', '-3']]).encode('utf-8'))
    write('suppliers.csv', csv_text([['Name', 'Contact', 'Email', 'Phone', 'Currency', 'Payment terms', 'Lead time (days)', 'Notes'], ['Hangzhou Textiles', 'Li Wei', 'sales@hz-textiles.example', '+86 571 0000 0000', 'CNY', '30 days', '21', 'Linen'], ['Tiger Trading', 'Ann Lee', 'ann@tiger.example', '', 'USD', 'prepaid', '35', '']]).encode('utf-8'))
    write('customers.csv', csv_text([['Email', 'Name', 'Phone', 'City', 'Country'], ['li.na@example.com', '李娜', '+86 138 0000 0000', '杭州', 'CN'], ['Bob.Smith@Example.com', 'Bob Smith', '', 'Leeds', 'GB'], ['sara@example.com', 'Sara', '', 'Oslo', 'NO'], ['kenji@example.com', 'Kenji', '', 'Osaka', 'JP']]).encode('utf-8'))
    write('hostile-headers.csv', csv_text([['Name', '__proto__', 'constructor', 'prototype', 'Currency'], ['Acme', '{"polluted":true}', 'x', 'y', 'USD'], ['Bolt', '', '', '', 'CNY']]).encode('utf-8'))
    write('products-formula-injection.csv', csv_text([['SKU', 'Title', 'Price'], ['FI-1', '=HYPERLINK("http://x","y")', '10'], ['FI-2', '+cmd|calc', '12']]).encode('utf-8'))


def cell(value, kind='string', span=1, formula=None):
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ''
    if formula:
        return f'<table:table-cell table:formula="{formula}" office:value-type="float" office:value="{value}"{attrs}><text:p>{value}</text:p></table:table-cell>'
    if kind == 'float':
        return f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}><text:p>{value}</text:p></table:table-cell>'
    if kind == 'date':
        return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value}"{attrs}><text:p>{value}</text:p></table:table-cell>'
    if value == '':
        return '<table:table-cell/>'
    escaped = str(value).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    covered = '<table:covered-table-cell/>' * (span - 1)
    return f'<table:table-cell office:value-type="string"{attrs}><text:p>{escaped}</text:p></table:table-cell>{covered}'


def fods(sheets):
    body = ''
    for name, rows in sheets:
        body += f'<table:table table:name="{name}">' + ''.join(f'<table:table-row>{"".join(row)}</table:table-row>' for row in rows) + '</table:table>'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="isodate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="isodate"/>
</office:automatic-styles>
<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document>
'''


def workbook_sources():
    header = ['Handle', 'Title', 'Brand', 'Category', 'Option1 name', 'Option1 value', 'Option2 name', 'Option2 value', 'SKU', 'Price', 'Cost', 'Weight (g)']
    rows = [[cell('商品导入 Product import 2026', span=len(header))], [], [cell(h) for h in header]]
    for i, p in enumerate(PRODUCTS):
        if p[7] == 'TH-RED':
            rows.append([])  # a blank row between blocks, as people leave them
        price = float(p[9])
        rows.append([cell(p[0]), cell(p[1]), cell(p[2]), cell(p[3]), cell(p[5][0] or ''), cell(p[5][1] or ''), cell(p[6][0] or ''), cell(p[6][1] or ''), cell(p[7]),
                     cell(f'{price:.2f}', formula=f'of:={price:.2f}*1'), cell(p[11], 'float'), cell(p[12], 'float')])
    notes = [[cell('Notes: prices include VAT')]]
    with open(os.path.join(SRC, 'products-sheet.fods'), 'w', encoding='utf-8') as handle:
        handle.write(fods([('Products', rows), ('Notes', notes)]))

    merged = [[cell(''), cell('Product', span=2), cell('Variant', span=7)],
              [cell(h) for h in ['Handle', 'Title', 'Brand', 'SKU', 'Option1 name', 'Option1 value', 'Option2 name', 'Option2 value', 'Price', 'Cost']]]
    for p in PRODUCTS:
        merged.append([cell(p[0]), cell(p[1]), cell(p[2]), cell(p[7]), cell(p[5][0] or ''), cell(p[5][1] or ''), cell(p[6][0] or ''), cell(p[6][1] or ''), cell(p[9], 'float'), cell(p[11], 'float')])
    with open(os.path.join(SRC, 'products-merged-header.fods'), 'w', encoding='utf-8') as handle:
        handle.write(fods([('Products', merged)]))

    orders = [[cell(h) for h in ['Order number', 'Order date', 'Customer email', 'Customer name', 'Channel', 'SKU', 'Quantity', 'Unit price', 'Line discount', 'Status', 'Refunded quantity', 'Refund date']]]
    lines = [
        ('1001', ('date', '2026-03-05'), 'li.na@example.com', '李娜', 'Tmall', 'LS-WHT-M', 2, 199, 10, 'fulfilled', 1, '2026/3/12'),
        ('1001', ('date', '2026-03-05'), 'li.na@example.com', '李娜', 'Tmall', 'TC-001', 1, 39.9, 0, 'fulfilled', 0, ''),
        ('1002', ('text', '2026/3/5'), 'bob.smith@example.com', 'Bob Smith', 'Shopify', 'LS-BLU-L', 1, 199, 0, 'fulfilled', 0, ''),
        ('1003', ('text', '2026年3月6日'), 'sara@example.com', 'Sara', 'Shopify', 'TH-RED', 1, 1299, 0, 'cancelled', 0, ''),
        ('1004', ('text', '2026-03-07 14:30'), '', '', 'POS', 'TC-001', 3, 39.9, 0, 'fulfilled', 0, ''),
        ('1004', ('text', '2026-03-07 14:30'), '', '', 'POS', 'TH-BLK', 1, 1299, 100, 'fulfilled', 0, ''),
        ('1005', ('date', '2026-03-08'), 'kenji@example.com', 'Kenji', 'Shopify', 'GONE-9', 1, 10, 0, 'fulfilled', 0, ''),
        ('1005', ('date', '2026-03-08'), 'kenji@example.com', 'Kenji', 'Shopify', 'LS-WHT-L', 1, 199, 0, 'fulfilled', 0, ''),
    ]
    for line in lines:
        date = cell(line[1][1], 'date') if line[1][0] == 'date' else cell(line[1][1])
        orders.append([cell(line[0]), date, cell(line[2]), cell(line[3]), cell(line[4]), cell(line[5]), cell(line[6], 'float'), cell(line[7], 'float'), cell(line[8], 'float'), cell(line[9]), cell(line[10], 'float'), cell(line[11])])
    with open(os.path.join(SRC, 'orders-history.fods'), 'w', encoding='utf-8') as handle:
        handle.write(fods([('Orders', orders)]))

    counts = [[cell('盘点表 Count sheet', span=3)], [cell(h) for h in ['Bin', 'SKU', 'Counted']]]
    for bin_name, sku, qty in (('A-01', 'LS-WHT-M', 4), ('A-02', 'LS-WHT-L', 6), ('B-01', 'LS-WHT-M', 3), ('B-02', 'TC-001', 28), ('C-01', 'TH-RED', 0)):
        counts.append([cell(bin_name), cell(sku), cell(qty, 'float')])
    with open(os.path.join(SRC, 'stocktake-counts.fods'), 'w', encoding='utf-8') as handle:
        handle.write(fods([('Counts', counts)]))

    items = [[cell(h) for h in ['供应商', '商品编码', '供应商货号', '进价', '装箱数', '起订量', '交期']]]
    for supplier, sku, ssku, cost, pack, moq, lead in (('Hangzhou Textiles', 'LS-WHT-M', 'HZ-1001', 78, 10, 50, 21), ('Hangzhou Textiles', 'LS-WHT-L', 'HZ-1002', 78, 10, 50, 21), ('Hangzhou Textiles', 'LS-BLU-M', 'HZ-1003', 78, 10, 50, 21), ('Tiger Trading', 'TH-RED', 'TG-RED', 610, 6, 12, 35), ('Tiger Trading', 'TH-BLK', 'TG-BLK', 610, 6, 12, 35)):
        items.append([cell(supplier), cell(sku), cell(ssku), cell(cost, 'float'), cell(pack, 'float'), cell(moq, 'float'), cell(lead, 'float')])
    with open(os.path.join(SRC, 'supplier-items-zh.fods'), 'w', encoding='utf-8') as handle:
        handle.write(fods([('价目表', items)]))


if __name__ == '__main__':
    os.makedirs(SRC, exist_ok=True)
    text_fixtures()
    workbook_sources()

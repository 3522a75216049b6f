// English texts of row issues, for the errors file and logs; the UI shows the
// same keys translated (renderer/src/i18n/areas/imports.ts).
const templates: Record<string, string> = {
  required: 'a value is needed here',
  notANumber: '"{value}" is not a number',
  notMoney: '"{value}" is not an amount of money',
  notWholeNumber: '"{value}" is not a whole number',
  notPercent: '"{value}" is not a percentage',
  notYesNo: '"{value}" is not yes or no',
  notDate: '"{value}" is not a date (use 2026-03-05, 2026/3/5 or 2026年3月5日)',
  notAChoice: '"{value}" is not one of the allowed values',
  negative: '"{value}" cannot be negative',
  belowMinimum: '"{value}" is below the minimum',
  tooLarge: '"{value}" is too large',
  tooLong: 'the text is too long',
  textNul: 'the text contains a NUL character, which cannot be stored',
  textBrokenCharacter: 'the text contains a broken character (half of an emoji or symbol)',
  tooManyDecimals: '"{value}" has more decimals than the currency allows',
  scientificNotation: '"{value}" was turned into scientific notation by a spreadsheet; format the column as text and export again',
  badBarcode: '"{value}" is not a valid EAN-13 / UPC-A barcode (check digit)',
  duplicateInFile: '"{value}" appears again on row {otherRow}',
  skuTaken: 'SKU "{value}" already belongs to another product',
  unknownSku: 'no product has the SKU "{value}"',
  unknownVariantId: 'no variant has the ID {value}',
  unknownLocation: 'no location is called "{value}"',
  unknownSupplier: 'no supplier is called "{value}"',
  unknownParent: 'the parent "{value}" is not in this file or the shop',
  groupHasErrors: 'another row of the same product (row {otherRow}) has an error',
  orderHasErrors: 'another line of the same order (row {otherRow}) has an error',
  tooManyOptions: 'a product can have at most three options',
  optionMismatch: 'this row has options that differ from the product\'s ({expected})',
  duplicateOptions: 'another variant of this product (row {otherRow}) has the same option values',
  missingOptionValue: 'the option "{option}" needs a value on every variant',
  notStocked: 'the item is not stocked at this location; left unchanged',
  unknownCustomer: 'no customer has the e-mail "{value}"',
  unknownChannel: 'no sales channel is called "{value}"',
  refundAfterOrder: 'the refund is dated before the order',
  refundTooLarge: 'more is refunded ({value}) than was sold',
  optionNeeded: 'choose {option} before importing',
  noColumnFor: 'no column is mapped to {field}, which this import needs',
  hostileHeader: 'the header "{value}" is not allowed as a column name; the column is ignored',
  orderChanged: 'order {value} already exists; historical orders are only added, never changed',
  notDraft: 'lines can only be added to a draft purchase order',
  notEmail: '"{value}" is not an e-mail address',
  preferredTwice: 'row {otherRow} already makes another supplier preferred for {value}; a SKU has one preferred supplier',
  stocktakeNotCounting: 'stocktake {value} is not open for counting',
  notInStocktake: '"{value}" is not part of stocktake {stocktake} (it counts another category or bin)',
  noCostKnown: 'no cost is known for "{value}" (no price-list cost from this supplier, no product cost); enter one',
  // Stock in product and stock-level files (targets/products-stock.ts, stock-levels.ts, stock-read.ts).
  differsFromRow: 'row {otherRow} has the same SKU "{sku}" with another value ("{other}"; here "{value}"); one variant has one value',
  futureStockDate: 'the stock date {value} is in the future',
  movedAfterStockDate: 'the stock of {sku} at {location} moved after {value} (on {later}); date the file later or leave the date out',
  availableAboveOnHand: 'more is available ({value}) than is on hand ({onHand})',
  stockIsTotal: 'On hand in a Products export is the total over all locations; choose the location above to change it there, or import stock levels per location',
  // Returns files (targets/returns.ts).
  unknownOrder: 'no order has the number "{value}"',
  orderNotOnChannel: 'order "{value}" is not an order of channel "{channel}"',
  orderAmbiguous: 'order number "{value}" is used on several channels ({channels}); add a Channel column',
  skuNotOnOrder: 'SKU "{value}" is not on order {order}',
  returnTooLarge: 'more is returned ({value}) than was sold and not yet returned ({left} of {sold})',
  returnBeforeOrder: 'the return is dated before the order ({orderDate})',
  orderCancelledReturn: 'order {value} was cancelled; it has nothing to return',
};

/** Import options in English texts, by their keys (the UI translates the same keys). */
const optionNames: Record<string, string> = { locationId: 'the location', stocktakeId: 'the stocktake', purchaseOrderId: 'the purchase order' };

/** `{column}` and `{field}` are names a person reads: a header as in the file or a field's label, never a key. */
export function issueMessage(key: string, params: Record<string, string | number>): string {
  const template = templates[key] ?? key;
  const option = typeof params.option === 'string' ? optionNames[params.option] : undefined;
  const named = option === undefined ? params : { ...params, option };
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name] ?? ''));
  const where = params.row !== undefined ? `Row ${params.row}${params.column ? `, ${params.column}` : ''}: ` : '';
  return `${where}${text}`;
}

export const issueKeys = Object.keys(templates);

// English texts of preview notices (importNotices.<key> in the UI).
const noticeTemplates: Record<string, string> = {
  // Any target with prices or costs (large-price-changes.ts).
  largePriceChanges: '{count} prices or costs change by more than {threshold} %: check their old and new values before applying.',
  // Supplier price lists (targets/supplier-items.ts).
  preferredOnlySupplier: '{count} items get their supplier as preferred supplier: the file has no Preferred column and it is their only supplier.',
  // Stock in product and stock-level files (targets/import-locations.ts, products-stock.ts, stock-levels.ts).
  createLocation: 'Will create location "{name}" (named in the file).',
  createDefaultLocation: 'The shop has no location yet: will create location "{name}" for the stock.',
  reactivateLocation: 'Location "{name}" is inactive: it will be made active again for the stock.',
  stockLocation: 'Quantities on rows without a location go to {name}.',
  stockDated: 'Stock is dated {date}: its movements happen at 00:00 that day (shop time).',
  carriedCommitted: "{units} units the file shows as not available (committed to orders, or unavailable) stay committed, so Shopdesk's available equals the file's Available until a later stock import releases them.",
  oversold: 'negative stock ({quantity}, oversold): imported as it is',
  imageOnlyRow: 'only an image of the product: no variant on this row',
  variableParent: 'a WooCommerce variable product: the product its variations (below) are created in or join',
  stockNotManaged: 'stock is not tracked for this item: no stock record',
  // Historical orders and returns (targets/orders*.ts, targets/returns.ts).
  willCreateLocation: 'The shop has no location yet: will create location "{name}" to record the orders at.',
  willCreateChannel: 'Will create channel "{name}".',
  unpaidSkipped: 'Unpaid orders skipped (they are not sales): {count}.',
  refundsDatedAtOrder: 'Refunds without a refund or return date, dated at their order date: {count}.',
  costFromVariant: "Lines without a cost in the file, recorded at today's product cost: {count}.",
  costUnknown: 'Lines with no cost in the file nor on their product, cost left unknown (COGS counts them as 0 until it is known): {count}.',
  refundPending: 'Orders with a refund in progress, imported as sales without the refund: {count}.',
  statusUnknown: 'Orders with a status Shopdesk does not know ({values}), imported as completed sales: {count}.',
  returnReasonOther: 'Return reasons not recognised ({values}), counted as Other: {count}.',
  refundAtNetPrice: 'Returns without a refund amount, refunded at the net price paid on the line: {count}.',
  rowUnpaid: 'not paid ("{value}"): not a sale, skipped',
  rowCancelled: 'cancelled: kept in the history, counts in no sales figure',
  rowRefundDatedAtOrder: 'no refund date: the refund is dated at the order date',
  rowCostUnknown: 'no cost is known for {value}: the cost stays unknown',
  rowRefundPending: 'refund in progress: imported as a sale, without the refund',
  rowStatusUnknown: 'the status "{value}" is not known: imported as a completed sale',
  rowReturnReasonOther: 'the return reason "{value}" is not recognised: it counts as Other',
};

export function noticeMessage(key: string, params: Record<string, string | number>): string {
  const template = noticeTemplates[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A preview notice with its English text. */
export function notice(key: string, params: Record<string, string | number> = {}): { key: string; params: Record<string, string | number>; message: string } {
  return { key, params, message: noticeMessage(key, params) };
}

export const noticeKeys = Object.keys(noticeTemplates);

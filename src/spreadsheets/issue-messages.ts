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
  noColumnFor: 'no column is mapped to this field, which the import needs',
  hostileHeader: 'the header "{value}" is not allowed as a column name; the column is ignored',
  orderChanged: 'order {value} already exists; historical orders are only added, never changed',
  notDraft: 'lines can only be added to a draft purchase order',
  notEmail: '"{value}" is not an e-mail address',
  preferredTwice: 'row {otherRow} already makes another supplier preferred for {value}; a SKU has one preferred supplier',
  stocktakeNotCounting: 'stocktake {value} is not open for counting',
  notInStocktake: '"{value}" is not part of stocktake {stocktake} (it counts another category or bin)',
  noCostKnown: 'no cost is known for "{value}" (no price-list cost from this supplier, no product cost); enter one',
};

export function issueMessage(key: string, params: Record<string, string | number>): string {
  const template = templates[key] ?? key;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  const where = params.row !== undefined ? `Row ${params.row}${params.column ? `, ${params.column}` : ''}: ` : '';
  return `${where}${text}`;
}

export const issueKeys = Object.keys(templates);

// English texts of preview notices (importNotices.<key> in the UI).
const noticeTemplates: Record<string, string> = {
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

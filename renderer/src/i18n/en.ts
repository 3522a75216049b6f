// English dictionary: the reference key set. zh-CN must have exactly these keys
// (checked by the compiler through `Dictionary` and by a unit test at runtime).
import { teamEn } from './areas/team.js';
import { purchasingEn } from './areas/purchasing.js';
import { stockEn } from './areas/stock.js';
import { catalogEn } from './areas/catalog.js';
import { fieldsEn } from './areas/fields.js';
import { operationErrorsEn } from './areas/errors-operations.js';
import { insightsEn } from './areas/insights.js';
import { exportsEn } from './areas/exports.js';
import { importsEn } from './areas/imports.js';
import { importFilesEn } from './areas/import-files.js';
import { analyticsEn } from './areas/analytics.js';
import { alertsEn } from './areas/alerts.js';
import { analyticsInventoryEn } from './areas/analytics-inventory.js';
import { figuresEn } from './areas/figures.js';
import { analyticsPeriodEn } from './areas/analytics-period.js';
import { reportsEn } from './areas/reports.js';
import { confirmEn } from './areas/confirm.js';
import { syncEn } from './areas/sync.js';
import { promotionsEn } from './areas/promotions.js';
import { promotionsInsightEn } from './areas/promotions-insight.js';
import { promotionsAlertsEn } from './areas/promotions-alerts.js';
import { alertGroupsEn } from './areas/alert-groups.js';
import { loadingEn } from './areas/loading.js';
import { promotionsErrorsEn } from './areas/promotions-errors.js';
import { confirmationsEn } from './areas/confirmations.js';
import { pagesEn } from './areas/pages.js';
import { historyTextsEn } from './areas/history-texts.js';
import { numbersEn } from './areas/numbers.js';
import { backupsEn } from './areas/backups.js';

export const en = {
  'app.name': 'Shopdesk',
  'app.loading': 'Loading Shopdesk…',
  'app.skipToContent': 'Skip to content',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.zh-CN': '简体中文',

  'nav.label': 'Main navigation',
  'nav.products': 'Products',
  'nav.settings': 'Settings',
  'nav.shortcut': 'Alt+{n}',

  'topbar.demoBadge': 'Demo shop',
  'topbar.demoBadgeHint': 'Generated sample data: safe to explore and change.',

  'welcome.title': 'Welcome to Shopdesk',
  'welcome.line1': 'Shopdesk runs the daily operations of an online shop — products, stock, orders — right on this computer, even offline.',
  'welcome.line2': 'Look around in a demo shop filled with realistic sample data, or start your own empty shop.',
  'welcome.demo.title': 'Explore a demo shop',
  'welcome.demo.body': 'Sample products, customers and orders, generated on this computer in a few seconds.',
  'welcome.demo.button': 'Open the demo shop',
  'welcome.demo.working': 'Preparing the demo shop…',
  'welcome.empty.title': 'Start an empty shop',
  'welcome.empty.body': 'Set the basics now; you can change them later in Settings.',
  'welcome.empty.submit': 'Create the shop',
  'welcome.empty.working': 'Creating…',
  'welcome.or': 'or',

  'fields.name': 'Shop name',
  'fields.currency': 'Currency',
  'fields.timeZone': 'Time zone',
  'fields.locale': 'Language',
  'fields.namePlaceholder': 'e.g. Harbor Street Goods',

  'settings.title': 'Settings',
  'settings.subtitle': 'Shop details used for prices, dates and the interface language.',
  'settings.save': 'Save changes',
  'settings.saving': 'Saving…',
  'settings.saved': 'Settings saved.',
  'settings.reset': 'Discard changes',
  'settings.demoNote': 'This is a demo shop with generated data.',
  'settings.currencyNote': 'Prices are stored in the smallest unit of the currency; changing it does not convert them.',

  'products.title': 'Products',
  'products.total': '{count} variants',
  'products.totalLoading': 'Counting…',
  'products.search': 'Search SKU, product, barcode…',
  'products.searchLabel': 'Quick search',
  'products.clearFilters': 'Clear filters',

  'columns.sku': 'SKU',
  'columns.title': 'Product',
  'columns.variantTitle': 'Variant',
  'columns.barcode': 'Barcode',
  'columns.category': 'Category',
  'columns.brand': 'Brand',
  'columns.price': 'Price',
  'columns.compareAtPrice': 'Compare-at',
  'columns.cost': 'Cost',
  'columns.weightGrams': 'Weight (g)',
  'columns.onHand': 'On hand',
  'columns.status': 'Status',
  'columns.updatedAt': 'Updated',

  'status.active': 'Active',
  'status.draft': 'Draft',
  'status.archived': 'Archived',

  'jobs.tray.label': 'Running jobs',
  'jobs.tray.count': '{count} jobs',
  'jobs.cancel': 'Cancel',
  'jobs.dismiss': 'Dismiss',
  'jobs.progress': '{done} of {total}',
  'jobs.eta': 'about {time} left',
  'jobs.status.running': 'Running',
  'jobs.status.succeeded': 'Done',
  'jobs.status.failed': 'Failed',
  'jobs.status.cancelled': 'Cancelled',
  'jobs.kind.demoGenerate': 'Generating the demo shop',
  'jobs.kind.unknown': 'Background job',
  'jobs.phase.starting': 'Starting',
  'jobs.phase.catalog': 'Products and variants',
  'jobs.phase.customers': 'Customers',
  'jobs.phase.orders': 'Orders',
  'jobs.phase.stock': 'Stock levels',
  'jobs.phase.finish': 'Finishing up',
  'jobs.phase.swap': 'Opening the shop',
  'jobs.phase.unknown': 'Working',

  'toast.dismiss': 'Dismiss',
  'toast.errorTitle': 'That did not work',
  'toast.moreIssues': '…and {n} more.',

  'grid.loading': 'Loading…',
  'grid.noRows': 'No variants match.',
  'grid.contains': 'Contains',
  'grid.notContains': 'Does not contain',
  'grid.equals': 'Equals',
  'grid.notEqual': 'Does not equal',
  'grid.startsWith': 'Starts with',
  'grid.endsWith': 'Ends with',
  'grid.blank': 'Blank',
  'grid.notBlank': 'Not blank',
  'grid.lessThan': 'Less than',
  'grid.greaterThan': 'Greater than',
  'grid.lessThanOrEqual': 'Less than or equal to',
  'grid.greaterThanOrEqual': 'Greater than or equal to',
  'grid.inRange': 'Between',
  'grid.andCondition': 'AND',
  'grid.orCondition': 'OR',
  'grid.filterOoo': 'Filter…',
  'grid.inRangeStart': 'From',
  'grid.inRangeEnd': 'To',
  'grid.applyFilter': 'Apply',
  'grid.resetFilter': 'Reset',
  'grid.clearFilter': 'Clear',
  'grid.cancelFilter': 'Cancel',

  'errors.validation': 'Some of the information is not valid.',
  'errors.notFound': 'That item no longer exists.',
  'errors.conflict': 'Someone or something changed this at the same time.',
  'errors.permission': 'This session is not allowed to do that.',
  'errors.shopNotReady': 'There is no shop open yet.',
  'errors.shopExists': 'A shop already exists in this database.',
  'errors.demoRunning': 'A demo shop is already being generated.',
  'errors.cancelled': 'The job was cancelled.',
  'errors.jobFailed': 'The job stopped with an error.',
  'errors.dbTooNew': 'This shop file was made by a newer version of Shopdesk.',
  'errors.migrationFailed': 'The shop file could not be upgraded.',
  'errors.internal': 'Something went wrong inside Shopdesk.',
  'errors.closed': 'Shopdesk is shutting down.',
  'errors.unknownMethod': 'This version of Shopdesk does not know that action.',
  'errors.network': 'Shopdesk cannot be reached.',
  'errors.badRequest': 'The request was not understood.',
  'errors.tooLarge': 'The request is too large.',
  'errors.forbiddenHost': 'Requests must come from this computer.',
  'errors.required': 'This field is required.',
  'errors.tooLong': 'This is too long.',
  'errors.notANumber': 'Enter a number.',
  'errors.tooSmall': 'Must be {minimum} or more.',
  'errors.mustExceed': 'Must be more than {minimum}.',
  'errors.tooBig': 'Must be {maximum} or less.',
  'errors.mustBeBelow': 'Must be less than {maximum}.',
  'errors.tooShort': 'Too short: at least {minimum} characters.',
  'errors.textTooLong': 'Too long: at most {maximum} characters.',
  'errors.tooFew': 'At least {minimum} needed.',
  'errors.tooMany': 'At most {maximum} allowed.',
  'errors.notAChoice': 'Choose one of the offered values.',
  'errors.notEmail': 'Not an e-mail address (like name@example.com).',
  'errors.badFormat': 'Not in the expected format.',
  'errors.invalidInput': 'This value is not valid here.',
  'errors.localDate': 'Enter a date like 2026-03-05.',
  'errors.currencyUnknown': 'Choose a currency from the list.',
  'errors.timeZoneUnknown': 'Choose a time zone from the list.',
  'errors.stockValueTooLarge': 'The stock value is larger than Shopdesk can count exactly. Check for a quantity or cost typed with too many digits.',
  'errors.textNul': 'This text contains a NUL character, which cannot be stored. Remove it (it usually comes from a copied binary file).',
  'errors.textBrokenCharacter': 'This text contains a broken character (half of an emoji or symbol). Retype it.',
  'errors.moneyTooLarge': 'This amount is larger than Shopdesk accepts (at most 10,000,000.00 per unit).',
  'errors.quantityTooLarge': 'This quantity is larger than Shopdesk accepts (at most 1,000,000,000 units).',

  'errorHints.validation': 'Correct what is named above, then try again.',
  'errorHints.notFound': 'Reload the page to see the current data.',
  'errorHints.conflict': 'Reload and make the change again.',
  'errorHints.permission': 'Open Shopdesk again with the address it printed.',
  'errorHints.shopNotReady': 'Create a shop or open the demo shop first.',
  'errorHints.shopExists': 'Reload to open the existing shop.',
  'errorHints.demoRunning': 'Wait for it to finish; its progress is shown in the jobs tray.',
  'errorHints.cancelled': 'Start it again when you are ready.',
  'errorHints.jobFailed': 'Try again; if it keeps failing, restart Shopdesk.',
  'errorHints.dbTooNew': 'Update Shopdesk to the latest version.',
  'errorHints.migrationFailed': 'Your data is unchanged. Restart Shopdesk; if it persists, restore a backup.',
  'errorHints.internal': 'The action was not completed and your data is unchanged. Try again.',
  'errorHints.closed': 'Start Shopdesk again.',
  'errorHints.unknownMethod': 'Update Shopdesk to the latest version.',
  'errorHints.network': 'Check that Shopdesk is still running, then try again.',
  'errorHints.badRequest': 'Reload the page and try again.',
  'errorHints.tooLarge': 'Try again with less data.',
  'errorHints.forbiddenHost': 'Open Shopdesk with the address it printed.',
  'errorHints.generic': 'Try again. If it keeps happening, restart Shopdesk.',
  ...insightsEn,
  ...operationErrorsEn,
  ...fieldsEn,
  ...catalogEn,
  ...stockEn,
  ...purchasingEn,
  ...exportsEn,
  ...importsEn,
  ...importFilesEn,
  ...analyticsEn,
  ...alertsEn,
  ...analyticsInventoryEn,
  ...figuresEn,
  ...analyticsPeriodEn,
  ...reportsEn,
  ...confirmEn,
  ...syncEn,
  ...promotionsEn,
  ...promotionsInsightEn,
  ...promotionsAlertsEn,
  ...alertGroupsEn,
  ...loadingEn,
  ...promotionsErrorsEn,
  ...confirmationsEn,
  ...pagesEn,
  ...historyTextsEn,
  ...numbersEn,
  ...teamEn,
  ...backupsEn,
} as const;

export type MessageKey = keyof typeof en;
/** Every dictionary has exactly the English keys. */
export type Dictionary = Record<MessageKey, string>;

// Promotions planning pages (list, calendar, editor, check, schedule), type names, settings. Owner: UI planning helper.
export const promotionsEn = {};

export const promotionsZh: Record<keyof typeof promotionsEn, string> = {};

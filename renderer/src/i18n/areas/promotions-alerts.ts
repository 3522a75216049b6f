// Texts of the promotion alert rules. Owner: evaluation helper.
export const promotionsAlertsEn = {};

export const promotionsAlertsZh: Record<keyof typeof promotionsAlertsEn, string> = {};

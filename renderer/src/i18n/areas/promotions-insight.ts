// Promotion simulation, evaluation, coupons and audience pages. Owner: UI insight helper.
export const promotionsInsightEn = {};

export const promotionsInsightZh: Record<keyof typeof promotionsInsightEn, string> = {};

// errors.<key> texts of the promotions core's refusals. Owner: coordinator.
export const promotionsErrorsEn = {};

export const promotionsErrorsZh: Record<keyof typeof promotionsErrorsEn, string> = {};

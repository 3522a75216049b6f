// Texts of issue 16's loading (filled by the helper that owns this file).
export const loadingEn = {
} as const;

export const loadingZh: Record<keyof typeof loadingEn, string> = {
};

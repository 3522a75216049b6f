// Texts of issue 16's alert groups (filled by the helper that owns this file).
export const alertGroupsEn = {
} as const;

export const alertGroupsZh: Record<keyof typeof alertGroupsEn, string> = {
};

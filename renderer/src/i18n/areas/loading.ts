// Texts of issue 16's loading: what a panel says while it waits its turn (its
// data is asked for once the first screen's figures are in, or when scrolled to).
export const loadingEn = {
  'loading.queued': 'Loading after the figures above…',
} as const;

export const loadingZh: Record<keyof typeof loadingEn, string> = {
  'loading.queued': '上方数据加载完成后加载…',
};

// Values shared by playwright.config.ts and the specs (no Playwright imports here).
export const e2eToken = 'e2e-token-0123456789abcdef';

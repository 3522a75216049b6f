// API version routing. Shopify serves dated quarterly versions for at least 12 months.
// A request for a version that is no longer supported is served by the oldest supported
// version ("falls forward"); the version actually served is in the X-Shopify-API-Version
// header. A version that does not exist (malformed, or not yet released) answers 404.
export const defaultSupportedVersions = ['2026-01', '2026-04', '2026-07', '2026-10'] as const;

const versionPattern = /^\d{4}-(01|04|07|10)$/;

/** The version that serves the request, or null for a 404. */
export function servedVersion(requested: string, supported: readonly string[]): string | null {
  if (requested === 'unstable') return 'unstable';
  if (!versionPattern.test(requested)) return null;
  if (supported.includes(requested)) return requested;
  const sorted = [...supported].sort();
  const oldest = sorted[0];
  if (oldest !== undefined && requested < oldest) return oldest;
  return null;
}

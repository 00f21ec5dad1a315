/**
 * The one form of a username, for lookup, throttle and storage: NFKC (full-width letters and
 * no-break spaces become plain ones), trimmed, lower case. MySQL's utf8mb4_unicode_ci compares
 * more loosely still ("Clérk" = "clerk"), so lookups also compare the stored name exactly.
 */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

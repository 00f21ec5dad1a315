/**
 * Takes `?token=` out of the address: it sets the display up once and must not stay visible in
 * the address bar (or in the history, or in a screenshot of the screen). Returns the token.
 */
export function takeTokenFromUrl(href: string, replace: (url: string) => void): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  const token = url.searchParams.get('token')?.trim() || null;
  url.searchParams.delete('token');
  replace(url.pathname + url.search + url.hash);
  return token;
}

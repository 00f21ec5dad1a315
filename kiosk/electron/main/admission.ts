import type { AdmissionSignalSettings, SignalResult } from '../shared/bridge';

export type SignalFetch = (input: string, init?: RequestInit) => Promise<Response>;

export function isValidRelayUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Tells the door or turnstile relay that a citizen was admitted. Short timeout, never throws:
 * a stuck relay must not hold up the next citizen (the reception can still open by hand).
 */
export async function sendAdmissionSignal(config: AdmissionSignalSettings, doFetch: SignalFetch = fetch): Promise<SignalResult> {
  if (!config.enabled) return { sent: false, error: 'disabled' };
  if (!isValidRelayUrl(config.url)) return { sent: false, error: 'invalid_url' };
  const headers: Record<string, string> = {};
  if (config.headerName.trim()) headers[config.headerName.trim()] = config.headerValue;
  try {
    const response = await doFetch(config.url, {
      method: config.method,
      headers,
      signal: AbortSignal.timeout(Math.max(100, config.timeoutMs || 3000)),
    });
    // Drain the body so the socket is released.
    await response.arrayBuffer().catch(() => undefined);
    return response.ok
      ? { sent: true, status: response.status }
      : { sent: false, status: response.status, error: `http_${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { sent: false, error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION } from '../shared/bridge';
import { isValidRelayUrl, sendAdmissionSignal } from './admission';
import { startServer } from './test-helpers';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('admission signal', () => {
  it('sends the configured method, path and header to the relay', async () => {
    const relay = await startServer((_req, res) => res.writeHead(204).end());
    close = relay.close;
    const result = await sendAdmissionSignal({
      ...DEFAULT_ADMISSION,
      enabled: true,
      method: 'PUT',
      url: `${relay.url}/relay/1/pulse?ms=800`,
      headerName: 'X-Relay-Key',
      headerValue: 'open-sesame',
    });
    expect(result).toEqual({ sent: true, status: 204 });
    expect(relay.requests).toHaveLength(1);
    expect(relay.requests[0]).toMatchObject({ method: 'PUT', url: '/relay/1/pulse?ms=800' });
    expect(relay.requests[0].headers['x-relay-key']).toBe('open-sesame');
  });

  it('reports a relay error status without throwing', async () => {
    const relay = await startServer((_req, res) => res.writeHead(500).end('broken'));
    close = relay.close;
    expect(await sendAdmissionSignal({ ...DEFAULT_ADMISSION, enabled: true, method: 'GET', url: relay.url })).toEqual({
      sent: false,
      status: 500,
      error: 'http_500',
    });
  });

  it('gives up after the short timeout when the relay hangs', async () => {
    const relay = await startServer(() => undefined); // never answers
    close = relay.close;
    const started = Date.now();
    const result = await sendAdmissionSignal({ ...DEFAULT_ADMISSION, enabled: true, url: relay.url, timeoutMs: 300 });
    expect(result).toEqual({ sent: false, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports an unreachable relay', async () => {
    const relay = await startServer((_req, res) => res.end());
    const url = relay.url;
    await relay.close();
    expect(await sendAdmissionSignal({ ...DEFAULT_ADMISSION, enabled: true, url })).toEqual({ sent: false, error: 'network' });
  });

  it('sends nothing when switched off or misconfigured', async () => {
    const relay = await startServer((_req, res) => res.end());
    close = relay.close;
    expect(await sendAdmissionSignal({ ...DEFAULT_ADMISSION, enabled: false, url: relay.url })).toMatchObject({
      sent: false,
      error: 'disabled',
    });
    expect(await sendAdmissionSignal({ ...DEFAULT_ADMISSION, enabled: true, url: 'file:///etc/passwd' })).toMatchObject({
      sent: false,
      error: 'invalid_url',
    });
    expect(relay.requests).toHaveLength(0);
  });

  it('accepts only http and https relay URLs', () => {
    expect(isValidRelayUrl('http://10.0.0.5/open')).toBe(true);
    expect(isValidRelayUrl('https://door.local')).toBe(true);
    expect(isValidRelayUrl('ftp://door.local')).toBe(false);
    expect(isValidRelayUrl('')).toBe(false);
  });
});
